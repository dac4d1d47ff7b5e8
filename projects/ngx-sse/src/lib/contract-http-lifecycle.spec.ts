import { EnvironmentInjector } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { SseClient, provideSse, withFetchTransport } from 'ngx-sse';
import { firstValueFrom } from 'rxjs';

import { type StubEvents, stats, uniqueKey, until } from './sse-stub.spec-helper';

// The webSocket-style lifecycle against the real endpoint Karma serves (karma-sse-stub.cjs).
describe('contract: lifecycle over real HTTP', () => {
  beforeEach(() =>
    TestBed.configureTestingModule({
      providers: [provideSse(withFetchTransport({ default: false }))],
    }),
  );

  const open = (path: string, transport: 'eventsource' | 'fetch') =>
    TestBed.inject(SseClient).stream<StubEvents>(path, {
      transport,
      injector: TestBed.inject(EnvironmentInjector),
    });

  for (const transport of ['eventsource', 'fetch'] as const) {
    it(`${transport}: no request before the first subscribe, state$ and diagnostics$ included`, async () => {
      const key = uniqueKey();
      const stream = open(`/sse-stub/hold?key=${key}`, transport);
      stream.state$.subscribe();
      stream.diagnostics$.subscribe();
      stream.errors$.subscribe();
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect((await stats(key)).count).toBe(0);
      const held = firstValueFrom(stream.on('held'));
      expect((await held).data.held).toBeTrue();
      expect((await stats(key)).count).toBe(1);
      stream.close();
      await until(async () => (await stats(key)).closed, 'the server to see the close');
    });
  }

  it('fetch: re-subscribe after the last subscriber left starts afresh, without Last-Event-ID', async () => {
    const key = uniqueKey();
    const stream = open(`/sse-stub/hold?key=${key}`, 'fetch');
    await firstValueFrom(stream.on('held'));
    await until(async () => (await stats(key)).closed, 'the first request to end');
    expect(stream.diagnostics().lastEventId).toBe('h1');
    const second = await firstValueFrom(stream.on('held'));
    expect((await stats(key)).count).toBe(2);
    expect(second.data.lastEventId).toBeNull();
    stream.close();
  });
});
