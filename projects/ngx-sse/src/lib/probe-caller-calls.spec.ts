import { EnvironmentInjector } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { SseClient } from 'ngx-sse';

import { serveOnce } from './probe.spec-helper';
import { until } from './sse-stub.spec-helper';

describe('probe: calls a careless caller makes', () => {
  it('reconnect() called 1,000 times in a row leaves one request open, and counts them all', async () => {
    const { stream, wire, reached } = serveOnce();
    await reached('reconnecting');
    for (let i = 0; i < 1000; i++) stream.reconnect();
    await until(() => wire.requests.length > 1, 'the fresh attempt');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(wire.requests.length).toBe(2);
    expect(wire.open()).toBe(1);
    expect(stream.diagnostics().reconnects).toBe(1001);
    // The transition log keeps its default bound of 100 however many transitions there were.
    expect(stream.diagnostics().log.length).toBe(100);
    stream.close();
    expect(wire.open()).toBe(0);
  });

  it('a deserializer that returns undefined delivers undefined, as no parse error', async () => {
    const { stream, reached } = serveOnce();
    const got: unknown[] = [];
    const handle = TestBed.inject(SseClient).stream('/probe', {
      transport: 'fetch',
      deserialize: () => undefined,
      injector: TestBed.inject(EnvironmentInjector),
    });
    handle.messages().subscribe(({ data }) => got.push(data));
    handle.errors$.subscribe((e) => got.push(e));
    await reached('reconnecting');
    expect(got).toEqual([undefined, undefined, undefined]);
    expect(stream.diagnostics().parseErrors).toBe(0);
  });

  it('close() twice, and after its injector is gone, is harmless', async () => {
    const { stream, wire, reached } = serveOnce();
    await reached('reconnecting');
    stream.close();
    stream.close();
    TestBed.resetTestingModule();
    expect(() => stream.close()).not.toThrow();
    expect(stream.state()).toEqual(jasmine.objectContaining({ reason: 'closed' }));
    expect(wire.open()).toBe(0);
  });
});
