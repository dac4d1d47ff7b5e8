import { EnvironmentInjector, createEnvironmentInjector } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import {
  SseClient,
  SseError,
  type SseFetchDefaults,
  provideSse,
  withFetchTransport,
  withReconnect,
} from 'ngx-sse';
import { type Observable, firstValueFrom, skip, take, toArray } from 'rxjs';

import { type StubEvents, stats, uniqueKey, until } from './sse-stub.spec-helper';

// The fetch transport end to end, against the real HTTP endpoint Karma serves (karma-sse-stub.cjs).
describe('fetch transport (real HTTP): errors, refresh, resume, lifecycle', () => {
  function client(fetchDefaults: SseFetchDefaults = {}): SseClient {
    TestBed.configureTestingModule({
      providers: [
        provideSse(
          withFetchTransport(fetchDefaults),
          withReconnect({ initialDelayMs: 10, maxDelayMs: 50 }),
        ),
      ],
    });
    return TestBed.inject(SseClient);
  }

  it('a 401 errors every on() subscriber with SseError unauthorized 401, and closed carries it', async () => {
    const key = uniqueKey();
    const stream = client().stream<StubEvents>(`/sse-stub/status?key=${key}&code=401`);
    const failures = [stream.on('echo') as Observable<unknown>, stream.on('a')].map((events) =>
      firstValueFrom(events).then(
        () => null,
        (error: unknown) => error,
      ),
    );
    const [first, second] = await Promise.all(failures);
    expect(first).toBeInstanceOf(SseError);
    expect(second).toBe(first);
    const error = first as SseError;
    expect([error.reason, error.status, error.attempt]).toEqual(['unauthorized', 401, 1]);
    expect(error.url).toBe(`/sse-stub/status?key=${key}&code=401`);
    expect(stream.state()).toEqual({ status: 'closed', reason: 'unauthorized', error });
    expect((await stats(key)).count).toBe(1);
  });

  it('a 401 with onUnauthorized answering retry reconnects at once, counted in attempt and reconnects', async () => {
    let token = 'stale';
    const onUnauthorized = jasmine.createSpy('onUnauthorized').and.callFake(async () => {
      token = 'fresh';
      return 'retry' as const;
    });
    const key = uniqueKey();
    const stream = client({ onUnauthorized }).stream<StubEvents>(
      `/sse-stub/status?key=${key}&code=401&times=1&then=hold`,
      { transport: 'fetch', headers: () => ({ Authorization: token }) },
    );
    // Subscribed throughout: a connection without subscribers closes, and a new one starts afresh.
    const held: StubEvents['held'][] = [];
    stream.on('held').subscribe(({ data }) => held.push(data));
    await until(() => held.length === 1, 'the held event');
    expect(held[0].authorization).toBe('fresh');
    expect(onUnauthorized).toHaveBeenCalledOnceWith(jasmine.any(SseError));
    const asked: SseError = onUnauthorized.calls.first().args[0];
    expect([asked.reason, asked.status]).toEqual(['unauthorized', 401]);
    const states = stream.diagnostics().log.map((t) => t.state);
    expect(states.slice(0, 3)).toEqual([
      { status: 'connecting' },
      { status: 'reconnecting', attempt: 1, delayMs: 0, reason: 'unauthorized', error: asked },
      { status: 'open' },
    ]);
    expect(stream.diagnostics().reconnects).toBe(1);
    expect((await stats(key)).count).toBe(2);
    stream.close();
  });

  it('a 401 with onUnauthorized declining closes with unauthorized', async () => {
    const key = uniqueKey();
    const stream = client({ onUnauthorized: () => undefined }).stream<StubEvents>(
      `/sse-stub/status?key=${key}&code=401`,
    );
    const error = await firstValueFrom(stream.on('echo')).catch((e: SseError) => e);
    expect(error).toBeInstanceOf(SseError);
    expect(stream.state()).toEqual({
      status: 'closed',
      reason: 'unauthorized',
      error: error as SseError,
    });
    expect(stream.diagnostics().reconnects).toBe(1);
    expect((await stats(key)).count).toBe(1);
  });

  it('resumes from an id outside Latin-1, sent as UTF-8 in Last-Event-ID', async () => {
    const id = '🦊-é';
    const stream = client().stream<StubEvents>(
      `/sse-stub/id?key=${uniqueKey()}&id=${encodeURIComponent(id)}`,
    );
    const [first, echo] = await firstValueFrom(stream.events().pipe(take(2), toArray()));
    expect([first.type, first.lastEventId]).toEqual(['a', id]);
    expect(echo.type === 'echo' && echo.data.lastEventId).toBe(id);
    stream.close();
  });

  it('resumes from an id sent without an event (the resume point of a first frame)', async () => {
    const stream = client().stream<StubEvents>(`/sse-stub/head?key=${uniqueKey()}&id=head-7`);
    const { data } = await firstValueFrom(stream.on('echo'));
    expect(data.count).toBe(2);
    expect(data.lastEventId).toBe('head-7');
    stream.close();
  });

  it('opens a stream whose type is text/event-stream ; charset=utf-8', async () => {
    const type = encodeURIComponent('text/event-stream ; charset=utf-8');
    const stream = client().stream<StubEvents>(
      `/sse-stub/echo?key=${uniqueKey()}&contentType=${type}`,
    );
    const { data } = await firstValueFrom(stream.on('echo'));
    expect(data.count).toBe(1);
    expect(stream.diagnostics().log.map((t) => t.state.status)).toContain('open');
    expect(stream.diagnostics().lastError?.reason).not.toBe('bad-content-type');
    stream.close();
  });

  it('sends the lastEventId option as Last-Event-ID on the first request', async () => {
    const stream = client().stream<StubEvents>(`/sse-stub/echo?key=${uniqueKey()}`, {
      lastEventId: 'saved-41',
    });
    const { data } = await firstValueFrom(stream.on('echo'));
    expect([data.count, data.lastEventId]).toEqual([1, 'saved-41']);
    stream.close();
  });

  it('events() gets every name the server sends, with its type', async () => {
    const stream = client().stream<StubEvents>(`/sse-stub/mixed?key=${uniqueKey()}`, {
      deserialize: 'text',
    });
    const got = await firstValueFrom(stream.events().pipe(take(4), toArray()));
    expect(got.map(({ type, lastEventId }) => `${type}#${lastEventId}`)).toEqual([
      'a#m1',
      'b#m2',
      'b#m3',
      'echo#e2',
    ]);
    stream.close();
  });

  it('comments() gets the comment lines with comments: true', async () => {
    const stream = client().stream<StubEvents>(`/sse-stub/echo?key=${uniqueKey()}`, {
      transport: 'fetch',
      comments: true,
    });
    expect(await firstValueFrom(stream.comments())).toBe('hello');
    stream.close();
  });

  it('reconnect() opens a fresh request now, resuming from the last id', async () => {
    const key = uniqueKey();
    const stream = client().stream<StubEvents>(`/sse-stub/hold?key=${key}`);
    const second = firstValueFrom(stream.on('held').pipe(skip(1)));
    await until(() => stream.diagnostics().eventsReceived === 1, 'the first event');
    stream.reconnect();
    expect((await second).data.lastEventId).toBe('h1');
    expect((await stats(key)).count).toBe(2);
    await until(async () => (await stats(key)).closed, 'the first request to be aborted');
    expect(stream.diagnostics().reconnects).toBe(1);
    stream.close();
  });

  it("uses a lazy route's withFetchTransport() defaults for the route's streams", async () => {
    const root = client({ headers: { Authorization: 'root' } });
    const route = createEnvironmentInjector(
      [provideSse(withFetchTransport({ headers: { Authorization: 'route' } }))],
      TestBed.inject(EnvironmentInjector),
    );
    const url = (key: string) => `/sse-stub/echo?key=${key}`;
    const [fromRoot, fromRoute] = await Promise.all([
      firstValueFrom(root.stream<StubEvents>(url(uniqueKey())).on('echo')),
      firstValueFrom(
        route.get(SseClient).stream<StubEvents>(url(uniqueKey()), { injector: route }).on('echo'),
      ),
    ]);
    expect([fromRoot.data.authorization, fromRoute.data.authorization]).toEqual(['root', 'route']);
    route.destroy();
  });
});
