import { EnvironmentInjector } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { SseClient } from 'ngx-sse';
import { type Subscription, config } from 'rxjs';

import {
  THREE,
  eventStream,
  noResponse,
  probeStream,
  recordingFetch,
  serveOnce,
} from './probe.spec-helper';
import { until } from './sse-stub.spec-helper';
import { serveWire } from './wire-client.spec-helper';

describe('probe: subscribers that misbehave', () => {
  let unhandled: unknown[];
  let previous: typeof config.onUnhandledError;
  beforeEach(() => {
    unhandled = [];
    previous = config.onUnhandledError;
    config.onUnhandledError = (error) => unhandled.push(error);
  });
  afterEach(() => (config.onUnhandledError = previous));

  it('one that throws in next() costs no one an event, itself included', async () => {
    const { stream, data, reached } = serveOnce();
    const thrower: string[] = [];
    stream.messages().subscribe(({ data }) => {
      thrower.push(data as string);
      throw new Error(`subscriber bug at ${data}`);
    });
    await reached('reconnecting');
    expect(data).toEqual(['1', '2', '3']);
    expect(thrower).toEqual(['1', '2', '3']);
    await until(() => unhandled.length === 3, 'three reports');
    expect(stream.state()).toEqual(jasmine.objectContaining({ reason: 'ended' }));
  });

  it('one that unsubscribes itself in next() hears nothing more; the others hear everything', async () => {
    const { stream, data, reached } = serveOnce();
    const quitter: string[] = [];
    const sub: Subscription = stream.messages().subscribe(({ data }) => {
      quitter.push(data as string);
      sub.unsubscribe();
    });
    await reached('reconnecting');
    expect(quitter).toEqual(['1']);
    expect(data).toEqual(['1', '2', '3']);
  });

  it('the last one leaving in next() closes the connection and hears nothing after', async () => {
    const wire = recordingFetch(() => eventStream(THREE));
    serveWire(wire.fetch);
    const stream = TestBed.inject(SseClient).stream('/probe', {
      transport: 'fetch',
      deserialize: 'text',
      injector: TestBed.inject(EnvironmentInjector),
    });
    const seen: string[] = [];
    const sub: Subscription = stream.messages().subscribe(({ data }) => {
      seen.push(data as string);
      if (data === '2') sub.unsubscribe();
    });
    await until(() => stream.state().status === 'closed', 'closed');
    expect(stream.state()).toEqual(jasmine.objectContaining({ reason: 'unsubscribed' }));
    expect(seen).toEqual(['1', '2']);
    expect(wire.open()).toBe(0);
  });

  it('one that subscribes again in next() gets each later event once, none twice', async () => {
    const { stream, data, reached } = serveOnce();
    const late: string[] = [];
    let subscribed = false;
    stream.messages().subscribe(() => {
      if (subscribed) return;
      subscribed = true;
      stream.messages().subscribe(({ data }) => late.push(data as string));
    });
    await reached('reconnecting');
    expect(data).toEqual(['1', '2', '3']);
    expect(late).toEqual(['2', '3']);
  });

  it('one that opens another stream in next() gets both, in full', async () => {
    const wire = recordingFetch((n, init, url) =>
      n === 1 || url === '/probe-other' ? eventStream(THREE) : noResponse(init),
    );
    const { stream, data, reached } = probeStream(wire.fetch);
    const client = TestBed.inject(SseClient);
    const other: string[] = [];
    let opened = false;
    stream.messages().subscribe(() => {
      if (opened) return;
      opened = true;
      client
        .stream('/probe-other', {
          transport: 'fetch',
          deserialize: 'text',
          reconnect: false,
          injector: TestBed.inject(EnvironmentInjector),
        })
        .messages()
        .subscribe({ next: ({ data }) => other.push(data as string), error: () => undefined });
    });
    await reached('reconnecting');
    await until(() => other.length === 3, 'the other stream');
    expect(data).toEqual(['1', '2', '3']);
    expect(other).toEqual(['1', '2', '3']);
  });
});
