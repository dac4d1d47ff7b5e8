import { EnvironmentInjector } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { SseClient, provideSse, withReconnect } from 'ngx-sse';
import { firstValueFrom, take, toArray } from 'rxjs';

import { type StubEvents, stats, uniqueKey, until } from './sse-stub.spec-helper';

// WHATWG HTML "Server-sent events" through the default transport: the browser's own EventSource
// against the real endpoint Karma serves (projects/ngx-sse/karma-sse-stub.cjs). The browser parses
// and reconnects; what is probed is what the library passes on and how it reads the browser.
describe('WHATWG event stream conformance, EventSource transport over real HTTP', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideSse(withReconnect({ initialDelayMs: 10, maxDelayMs: 50, maxAttempts: 1 })),
      ],
    });
  });

  const open = (path: string, lastEventId?: string) =>
    TestBed.inject(SseClient).stream<StubEvents>(path, {
      lastEventId,
      injector: TestBed.inject(EnvironmentInjector),
    });

  it("exposes each event's last event ID and leaves the browser's reconnect, with Last-Event-ID, alone", async () => {
    const key = uniqueKey();
    const stream = open(`/sse-stub/echo?key=${key}`);
    const echoes = await firstValueFrom(stream.on('echo').pipe(take(2), toArray()));
    expect(echoes.map(({ lastEventId }) => lastEventId)).toEqual(['e1', 'e2']);
    expect(echoes.map(({ data }) => data.lastEventId)).toEqual([null, 'e1']);
    // The browser waited the server's retry: itself: the library neither closed nor counted it.
    const waits = stream.diagnostics().log.filter(({ state }) => state.status === 'reconnecting');
    expect(waits[0].state).toEqual(jasmine.objectContaining({ reason: 'network', delayMs: null }));
    stream.close();
  });

  it('reads a stream the browser reached through a 307 redirect', async () => {
    const stream = open(`/sse-stub/redirect?key=${uniqueKey()}&code=307`);
    const { data } = await firstValueFrom(stream.on('echo'));
    expect([data.count, data.method]).toEqual([2, 'GET']);
    stream.close();
  });

  it('sends no Last-Event-ID after an event reset the id to empty', async () => {
    const stream = open(`/sse-stub/id?key=${uniqueKey()}&id=`, 'saved-1');
    // An EventSource delivers only the names listened to: both are subscribed before it opens.
    const first = firstValueFrom(stream.on('a'));
    const echo = await firstValueFrom(stream.on('echo'));
    expect((await first).lastEventId).toBe('');
    expect([echo.data.lastEventId, echo.lastEventId]).toEqual([null, 'e2']);
    // The fresh browser's id was empty before that event too: the caller's id in the query
    // still stands, so the browser's own retry keeps it (a replay, never a loss).
    expect(echo.data.url).toContain('lastEventId=saved-1');
    stream.close();
  });

  it("drops the caller's id from the query once the server reset an id it had sent", async () => {
    const stream = open(`/sse-stub/reset?key=${uniqueKey()}`, 'saved-1');
    const ids = firstValueFrom(stream.on('a').pipe(take(2), toArray()));
    const echo = await firstValueFrom(stream.on('echo'));
    expect((await ids).map(({ lastEventId }) => lastEventId)).toEqual(['r1', '']);
    // The library reconnected itself, from the empty id: neither header nor query.
    expect(echo.data.lastEventId).toBeNull();
    expect(echo.data.url).not.toContain('lastEventId');
    stream.close();
  });

  // The spec's EventSource fails the connection on a 204, another status or another type, and
  // does not reconnect. The browser hides which it was, so the library reads every such failure
  // as `refused` and retries it until maxAttempts: a deliberate choice (README, "Errors and the
  // reconnect policy": `refused` … retry with backoff, until `maxAttempts`).
  for (const [what, path] of [
    ['a 204', 'status?code=204'],
    ['a 404', 'status?code=404'],
    ['text/html', 'type?'],
  ]) {
    it(`reads the browser's failed connection on ${what} as refused and retries until maxAttempts`, async () => {
      const key = uniqueKey();
      const stream = open(`/sse-stub/${path}&key=${key}`);
      stream.on('echo').subscribe({ error: () => undefined });
      await until(() => stream.state().status === 'closed', 'closed');
      expect(stream.state()).toEqual(jasmine.objectContaining({ reason: 'max-attempts' }));
      const refusals = stream
        .diagnostics()
        .log.filter(({ state }) => state.status === 'reconnecting' && state.reason === 'refused');
      expect(refusals.length).toBe(1);
      expect((await stats(key)).count).toBe(2);
    });
  }
});
