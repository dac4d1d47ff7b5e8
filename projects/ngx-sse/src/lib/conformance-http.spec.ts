import { EnvironmentInjector } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import {
  SSE_FETCH,
  SSE_SCHEDULER,
  SseClient,
  type SseState,
  provideSse,
  withFetchTransport,
  withReconnect,
} from 'ngx-sse';
import { FakeSseScheduler } from 'ngx-sse/testing';
import { firstValueFrom, take, toArray } from 'rxjs';

import { type StubEvents, stats, uniqueKey, until } from './sse-stub.spec-helper';

// WHATWG HTML "Server-sent events", the rules about HTTP, probed on the fetch transport against
// the real endpoint Karma serves (projects/ngx-sse/karma-sse-stub.cjs).
describe('WHATWG event stream conformance, fetch transport over real HTTP', () => {
  let scheduler: FakeSseScheduler;
  const inits: RequestInit[] = [];

  beforeEach(() => {
    inits.length = 0;
    scheduler = new FakeSseScheduler();
    // No jitter: a reconnect waits exactly the larger of 0 and the server's `retry:`.
    scheduler.randomValue = 0;
    TestBed.configureTestingModule({
      providers: [
        provideSse(withFetchTransport(), withReconnect({ initialDelayMs: 1000 })),
        { provide: SSE_SCHEDULER, useValue: scheduler },
        {
          provide: SSE_FETCH,
          useValue: (input: RequestInfo | URL, init: RequestInit) => {
            inits.push(init);
            return fetch(input, init);
          },
        },
      ],
    });
  });

  const open = (path: string, lastEventId?: string) =>
    TestBed.inject(SseClient).stream<StubEvents>(path, {
      transport: 'fetch',
      lastEventId,
      injector: TestBed.inject(EnvironmentInjector),
    });

  /** Waits for the state `status` and returns it. */
  async function reached(stream: ReturnType<typeof open>, status: SseState['status']) {
    await until(() => stream.state().status === status, status);
    return stream.state();
  }

  const echoWith = (contentType: string) =>
    `/sse-stub/echo?key=${uniqueKey()}&contentType=${encodeURIComponent(contentType)}`;

  for (const contentType of [
    'TEXT/EVENT-STREAM',
    'text/event-stream;charset=UTF-8',
    'Text/Event-Stream; charset="utf-8"; foo=bar',
    'text/event-stream;',
    'text/event-stream;bogus',
    'text/event-stream\t;charset=utf-8',
  ]) {
    it(`reads a stream whose Content-Type is ${JSON.stringify(contentType)}`, async () => {
      const stream = open(echoWith(contentType));
      const { data } = await firstValueFrom(stream.on('echo'));
      expect(data.count).toBe(1);
      stream.close();
    });
  }

  for (const [what, path] of [
    ['text/plain', echoWith('text/plain')],
    ['a longer subtype', echoWith('text/event-streams')],
    ['whitespace inside the type', echoWith('text/ event-stream')],
    ['application/json', echoWith('application/json')],
    ['no Content-Type at all', `/sse-stub/status?key=${uniqueKey()}&code=200`],
  ]) {
    it(`fails the connection, without reconnecting, on ${what}`, async () => {
      const stream = open(path);
      stream.on('echo').subscribe({ error: () => undefined });
      expect(await reached(stream, 'closed')).toEqual(
        jasmine.objectContaining({ reason: 'bad-content-type' }),
      );
      expect((await stats(new URL(path, location.href).searchParams.get('key')!)).count).toBe(1);
    });
  }

  for (const code of [201, 202, 210, 299]) {
    it(`fails the connection, without reconnecting, on a ${code}: only 200 opens a stream`, async () => {
      const key = uniqueKey();
      const stream = open(`/sse-stub/status?key=${key}&code=${code}`);
      stream.on('echo').subscribe({ error: () => undefined });
      const closed = await reached(stream, 'closed');
      expect(closed).toEqual(jasmine.objectContaining({ reason: 'http' }));
      expect(closed.status === 'closed' && closed.error?.status).toBe(code);
      expect((await stats(key)).count).toBe(1);
    });
  }

  it('sends no Last-Event-ID on the reconnect after the id was reset to empty', async () => {
    const stream = open(`/sse-stub/id?key=${uniqueKey()}&id=`, 'saved-1');
    const events = firstValueFrom(stream.events().pipe(take(2), toArray()));
    await reached(stream, 'reconnecting');
    scheduler.tick(0);
    const [first, echo] = await events;
    expect([first.type, first.lastEventId]).toEqual(['a', '']);
    expect(echo.type === 'echo' && echo.data.lastEventId).toBeNull();
    expect(new Headers(inits[0].headers).get('Last-Event-ID')).toBe('saved-1');
    stream.close();
  });

  it("waits the server's retry: before reconnecting (the first wait, without jitter and before any retry:, is 0)", async () => {
    const key = uniqueKey();
    // The first response is only an id; the reconnect is answered by `echo`, which sends retry: 10.
    const stream = open(`/sse-stub/head?key=${key}&id=h`);
    stream.on('echo').subscribe();
    expect(await reached(stream, 'reconnecting')).toEqual(
      jasmine.objectContaining({ delayMs: 0, reason: 'ended' }),
    );
    scheduler.tick(0);
    await until(async () => (await stats(key)).count === 2, 'the reconnect');
    await until(() => stream.diagnostics().eventsReceived === 1, 'the echo');
    expect(await reached(stream, 'reconnecting')).toEqual(
      jasmine.objectContaining({ delayMs: 10, reason: 'ended' }),
    );
    stream.close();
  });

  for (const code of [301, 302, 307, 308]) {
    it(`follows a ${code} redirect to the stream, as EventSource does`, async () => {
      const key = uniqueKey();
      const stream = open(`/sse-stub/redirect?key=${key}&code=${code}`);
      const { data } = await firstValueFrom(stream.on('echo'));
      // The stub counts the redirect and the request that followed it.
      expect([data.count, data.method]).toEqual([2, 'GET']);
      expect(inits[0].redirect ?? 'follow').toBe('follow');
      stream.close();
    });
  }

  it('keeps the method and body of a POST across a 307 redirect', async () => {
    const stream = TestBed.inject(SseClient).stream<StubEvents>(
      `/sse-stub/redirect?key=${uniqueKey()}&code=307`,
      {
        transport: 'fetch',
        method: 'POST',
        body: 'hello',
        injector: TestBed.inject(EnvironmentInjector),
      },
    );
    const { data } = await firstValueFrom(stream.on('echo'));
    expect([data.count, data.method, data.body]).toEqual([2, 'POST', 'hello']);
    stream.close();
  });
});
