import { EnvironmentInjector, createEnvironmentInjector } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { SseClient, type SseHeaders } from 'ngx-sse';

import { recordingEventSources } from './probe-native.spec-helper';
import { eventStream, noResponse, recordingFetch } from './probe.spec-helper';
import { until } from './sse-stub.spec-helper';
import { serveWire } from './wire-client.spec-helper';

/** A fetch stream made in a child injector, as a route's component makes one. */
function inChild(headers?: SseHeaders) {
  const injector = createEnvironmentInjector([], TestBed.inject(EnvironmentInjector));
  const stream = TestBed.inject(SseClient).stream('/probe', {
    transport: 'fetch',
    headers,
    injector,
  });
  const ended: string[] = [];
  stream
    .events()
    .subscribe({ complete: () => ended.push('complete'), error: () => ended.push('error') });
  return { injector, stream, ended };
}

describe('probe: the injector destroyed in the middle of a connect', () => {
  it('while the response is awaited: the request is aborted and subscribers complete', async () => {
    const wire = recordingFetch((_, init) => noResponse(init));
    serveWire(wire.fetch);
    const { injector, stream, ended } = inChild();
    await until(() => wire.requests.length === 1, 'the request');
    injector.destroy();
    expect(wire.open()).toBe(0);
    expect(stream.state()).toEqual(jasmine.objectContaining({ status: 'closed' }));
    expect(ended).toEqual(['complete']);
  });

  it('while an async headers function is pending: no request is ever sent', async () => {
    const wire = recordingFetch(() => eventStream('data: x\n\n'));
    serveWire(wire.fetch);
    let release!: (headers: Record<string, string>) => void;
    const token = new Promise<Record<string, string>>((resolve) => (release = resolve));
    let asked = 0;
    const { injector } = inChild(() => (asked++, token));
    await until(() => asked === 1, 'the headers asked for');
    injector.destroy();
    release({ Authorization: 'Bearer late' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(wire.requests).toEqual([]);
  });

  it('while the body streams: the request is aborted', async () => {
    const wire = recordingFetch(() => eventStream(new ReadableStream()));
    serveWire(wire.fetch);
    const { injector, stream } = inChild();
    await until(() => stream.state().status === 'open', 'open');
    injector.destroy();
    expect(wire.open()).toBe(0);
  });

  it('EventSource: the source is closed', () => {
    const sources = recordingEventSources();
    const injector = createEnvironmentInjector([], TestBed.inject(EnvironmentInjector));
    TestBed.inject(SseClient).stream('/es', { injector }).events().subscribe();
    expect(sources[0].readyState).toBe(0);
    injector.destroy();
    expect(sources[0].readyState).toBe(2);
  });
});
