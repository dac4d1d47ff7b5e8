import { DOCUMENT } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import {
  SseClient,
  SseError,
  type SseFetchOptions,
  type SseState,
  type SseStream,
  provideSse,
  withFetchTransport,
  withReconnect,
} from 'ngx-sse';
import { firstValueFrom, take, toArray } from 'rxjs';

import { parseRetryAfter } from './fetch-response';
import { type StubEvents, stats, uniqueKey, until } from './sse-stub.spec-helper';
import { standInDocument } from './testing.spec-helper';

const stateOf = (stream: SseStream<StubEvents>): SseState => stream.state();

// These tests run against a real HTTP endpoint served by Karma: projects/ngx-sse/karma-sse-stub.cjs.
describe('FetchBackend (real HTTP)', () => {
  // Injected on first use, so a describe block can still override providers (the document).
  const client = () => TestBed.inject(SseClient);
  const open = (path: string, options: Omit<SseFetchOptions, 'transport'> = {}) =>
    client().stream<StubEvents>(path, { transport: 'fetch', ...options });

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideSse(withFetchTransport(), withReconnect({ initialDelayMs: 10, maxDelayMs: 50 })),
      ],
    });
  });

  it('sends Accept always, evaluates headers on every attempt, and Last-Event-ID on reconnects', async () => {
    let token = 0;
    const stream = open(`/sse-stub/echo?key=${uniqueKey()}`, {
      headers: async () => ({ Authorization: `Bearer ${++token}` }),
    });
    const echoes = await firstValueFrom(stream.on('echo').pipe(take(3), toArray()));
    expect(echoes.map(({ data }) => data.accept)).toEqual(Array(3).fill('text/event-stream'));
    expect(echoes.map(({ data }) => data.authorization)).toEqual([
      'Bearer 1',
      'Bearer 2',
      'Bearer 3',
    ]);
    expect(echoes.map(({ data }) => data.lastEventId)).toEqual([null, 'e1', 'e2']);
    expect(echoes.map(({ lastEventId }) => lastEventId)).toEqual(['e1', 'e2', 'e3']);
    expect(stream.diagnostics().reconnects).toBeGreaterThanOrEqual(2);
  });

  it('resumes from the last event id of any name, subscribed or not', async () => {
    const stream = open(`/sse-stub/mixed?key=${uniqueKey()}`);
    stream.on('a').subscribe();
    const { data } = await firstValueFrom(stream.on('echo'));
    expect(data.lastEventId).toBe('m3');
    stream.close();
  });

  it('treats a headers function that throws as a failed attempt and retries', async () => {
    let calls = 0;
    const stream = open(`/sse-stub/echo?key=${uniqueKey()}`, {
      headers: async () => {
        if (++calls === 1) throw new Error('token refresh failed');
        return { Authorization: 'Bearer ok' };
      },
    });
    const { data } = await firstValueFrom(stream.on('echo'));
    expect(data.authorization).toBe('Bearer ok');
    expect(stream.diagnostics().log.some((t) => t.state.status === 'reconnecting')).toBeTrue();
    stream.close();
  });

  it('sends the method and body it is given', async () => {
    const stream = open(`/sse-stub/echo?key=${uniqueKey()}`, {
      method: 'POST',
      body: '{"prompt":"hi"}',
      headers: { 'Content-Type': 'application/json' },
    });
    const { data } = await firstValueFrom(stream.on('echo'));
    expect(data.method).toBe('POST');
    expect(data.body).toBe('{"prompt":"hi"}');
    stream.close();
  });

  it('a failing header function is retried as network; an invalid header value stops the stream', async () => {
    let calls = 0;
    const failing = open(`/sse-stub/status?key=${uniqueKey()}&code=503&times=0`, {
      headers: () => {
        calls++;
        throw new Error('no token');
      },
    });
    failing.on('echo').subscribe();
    await until(
      () => calls >= 2 && stateOf(failing).status === 'reconnecting',
      'a second attempt, reconnecting',
    );
    expect(stateOf(failing)).toEqual(
      jasmine.objectContaining({
        status: 'reconnecting',
        reason: 'network',
        error: jasmine.objectContaining({ detail: 'headers function failed: Error: no token' }),
      }),
    );
    failing.close();
    const invalid = open(`/sse-stub/status?key=${uniqueKey()}&code=503&times=0`, {
      headers: () => ({ 'bad name': 'x' }),
    });
    invalid.on('echo').subscribe();
    await until(() => stateOf(invalid).status === 'closed', 'closed');
    expect(stateOf(invalid)).toEqual(
      jasmine.objectContaining({ status: 'closed', reason: 'invalid-request' }),
    );
  });

  it('honours Retry-After on 503 as the floor, then recovers', async () => {
    const stream = open(`/sse-stub/status?key=${uniqueKey()}&code=503&times=1&retryAfter=1`);
    const received = firstValueFrom(stream.on('echo'));
    await until(() => stateOf(stream).status === 'reconnecting', 'reconnecting');
    expect(stateOf(stream)).toEqual({
      status: 'reconnecting',
      attempt: 1,
      delayMs: 1000,
      reason: 'http',
      error: jasmine.objectContaining({ reason: 'http', status: 503 }),
    });
    expect(stream.diagnostics().lastError?.status).toBe(503);
    expect((await received).data.count).toBe(2);
    stream.close();
  });

  it('retries other 5xx with backoff', async () => {
    const stream = open(`/sse-stub/status?key=${uniqueKey()}&code=500&times=2`);
    expect((await firstValueFrom(stream.on('echo'))).data.count).toBe(3);
    const retries = stream
      .diagnostics()
      .log.filter(({ state }) => state.status === 'reconnecting' && state.reason === 'http');
    expect(retries.map(({ state }) => state.status === 'reconnecting' && state.attempt)).toEqual([
      1, 2,
    ]);
    stream.close();
  });

  it('stops on 204 with reason no-content, completing subscribers: the server is done', async () => {
    const key = uniqueKey();
    const stream = open(`/sse-stub/status?key=${key}&code=204`);
    let outcome = '';
    stream.on('echo').subscribe({
      complete: () => (outcome = 'complete'),
      error: () => (outcome = 'error'),
    });
    await until(() => stateOf(stream).status === 'closed', 'closed');
    expect(stateOf(stream)).toEqual({ status: 'closed', reason: 'no-content', error: null });
    expect(outcome).toBe('complete');
    expect((await stats(key)).count).toBe(1);
  });

  for (const [code, reason] of [
    [404, 'http'],
    [403, 'unauthorized'],
  ] as const) {
    it(`stops on ${code} with reason ${reason}, erroring subscribers`, async () => {
      const key = uniqueKey();
      const stream = open(`/sse-stub/status?key=${key}&code=${code}`);
      const failed = firstValueFrom(stream.on('echo')).catch((e: SseError) => e);
      const error = (await failed) as SseError;
      expect(error).toBeInstanceOf(SseError);
      expect([error.reason, error.status]).toEqual([reason, code]);
      expect(stateOf(stream)).toEqual({ status: 'closed', reason, error });
      expect((await stats(key)).count).toBe(1);
    });
  }

  it('stops with bad-content-type on a response that is not text/event-stream', async () => {
    const stream = open(`/sse-stub/type?key=${uniqueKey()}`);
    stream.on('echo').subscribe({ error: () => undefined });
    await until(() => stateOf(stream).status === 'closed', 'closed');
    expect(stateOf(stream)).toEqual(
      jasmine.objectContaining({ status: 'closed', reason: 'bad-content-type' }),
    );
    expect(stream.diagnostics().lastError?.message).toContain('text/html');
  });

  it('aborts the request on teardown and never reconnects afterwards', async () => {
    const key = uniqueKey();
    const stream = open(`/sse-stub/hold?key=${key}`);
    const subscription = stream.on('held').subscribe();
    await until(() => stateOf(stream).status === 'open', 'open');
    subscription.unsubscribe();
    await until(async () => (await stats(key)).closed, 'the server to see the disconnect');
    // An absence (no reconnect) needs a window: a retry would come well within 200 ms.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await stats(key)).count).toBe(1);
    expect(stateOf(stream)).toEqual({ status: 'closed', reason: 'unsubscribed', error: null });
  });

  it('counts heartbeat comments as liveness: a quiet but healthy stream never times out', async () => {
    const stream = open(`/sse-stub/quiet?key=${uniqueKey()}`, { heartbeatTimeoutMs: 300 });
    stream.on('echo').subscribe();
    await until(() => stateOf(stream).status === 'open', 'open');
    // Four heartbeat timeouts' worth: a timeout that did not count comments would have fired.
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(stateOf(stream)).toEqual({ status: 'open' });
    expect(stream.diagnostics().reconnects).toBe(0);
    stream.close();
  });

  it('stops with too-large when one event exceeds maxEventSize', async () => {
    const stream = open(`/sse-stub/big?key=${uniqueKey()}`, { maxEventSize: 1024 });
    let failed: SseError | undefined;
    stream.on('big').subscribe({ error: (e: SseError) => (failed = e) });
    await until(() => stateOf(stream).status === 'closed', 'closed');
    expect(stateOf(stream)).toEqual({ status: 'closed', reason: 'too-large', error: failed! });
    expect(failed?.reason).toBe('too-large');
  });

  describe('visibility', () => {
    // A stand-in document through DI: the page's own visibility is left alone.
    let page: ReturnType<typeof standInDocument>;
    beforeEach(() => {
      page = standInDocument();
      TestBed.overrideProvider(DOCUMENT, { useValue: page });
    });
    const setHidden = (value: boolean) => page.setHidden(value);

    it('stays open while hidden by default', async () => {
      const key = uniqueKey();
      const stream = open(`/sse-stub/hold?key=${key}`);
      stream.on('held').subscribe();
      await until(() => stateOf(stream).status === 'open', 'open');
      setHidden(true);
      // An absence (no close while hidden) needs a window.
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(stateOf(stream).status).toBe('open');
      expect((await stats(key)).closed).toBeFalse();
      stream.close();
    });

    it('with pauseWhenHidden, closes while hidden and resumes with Last-Event-ID when visible', async () => {
      const key = uniqueKey();
      const stream = open(`/sse-stub/hold?key=${key}`, { pauseWhenHidden: true });
      stream.on('held').subscribe();
      await until(() => stateOf(stream).status === 'open', 'open');
      setHidden(true);
      await until(() => stateOf(stream).status === 'paused', 'the pause to show');
      expect(stateOf(stream)).toEqual({ status: 'paused' });
      await until(async () => (await stats(key)).closed, 'the server to see the pause');
      setHidden(false);
      await until(() => stateOf(stream).status === 'open', 'open again');
      expect((await stats(key)).count).toBe(2);
      expect(stream.diagnostics().reconnects).toBe(1);
      stream.close();
    });

    it('with replayWhenVisible, a paused POST is sent again when visible', async () => {
      const key = uniqueKey();
      const stream = open(`/sse-stub/hold?key=${key}`, {
        method: 'POST',
        body: 'x',
        pauseWhenHidden: true,
        replayWhenVisible: true,
      });
      stream.on('held').subscribe();
      await until(() => stateOf(stream).status === 'open', 'open');
      setHidden(true);
      await until(() => stateOf(stream).status === 'paused', 'paused');
      setHidden(false);
      await until(() => stateOf(stream).status === 'open', 'open again');
      const { count } = await stats(key);
      expect(count).toBe(2);
      stream.close();
    });

    it('never replays a POST because of a visibility change unless opted in', async () => {
      const key = uniqueKey();
      const stream = open(`/sse-stub/hold?key=${key}`, {
        method: 'POST',
        body: 'x',
        pauseWhenHidden: true,
      });
      stream.on('held').subscribe();
      await until(() => stateOf(stream).status === 'open', 'open');
      setHidden(true);
      setHidden(false);
      // An absence (no second request) needs a window.
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect((await stats(key)).count).toBe(1);
      expect(stateOf(stream).status).toBe('open');
      stream.close();
    });
  });

  it("adds a stream's headers to the default headers instead of replacing them", async () => {
    TestBed.resetTestingModule();
    TestBed.configureTestingModule({
      providers: [
        provideSse(
          withFetchTransport({ headers: async () => ({ Authorization: 'Bearer default' }) }),
        ),
      ],
    });
    const stream = TestBed.inject(SseClient).stream<StubEvents>(
      `/sse-stub/echo?key=${uniqueKey()}`,
      {
        transport: 'fetch',
        method: 'POST',
        body: '{}',
        headers: { 'Content-Type': 'application/json' },
      },
    );
    const { data } = await firstValueFrom(stream.on('echo'));
    expect([data.authorization, data.method]).toEqual(['Bearer default', 'POST']);
    stream.close();
  });

  it('with default: false stays opt-in: picked per stream with transport: fetch', async () => {
    TestBed.resetTestingModule();
    TestBed.configureTestingModule({
      providers: [provideSse(withFetchTransport({ default: false }))],
    });
    const plain = TestBed.inject(SseClient);
    expect(plain.config.transport).toBe('eventsource');
    const stream = plain.stream<StubEvents>(`/sse-stub/echo?key=${uniqueKey()}`, {
      transport: 'fetch',
      headers: { Authorization: 'per-stream' },
    });
    expect((await firstValueFrom(stream.on('echo'))).data.authorization).toBe('per-stream');
    stream.close();
  });

  it('becomes the transport of streams that name none with withFetchTransport()', async () => {
    TestBed.resetTestingModule();
    TestBed.configureTestingModule({
      providers: [provideSse(withFetchTransport({ headers: { Authorization: 'default' } }))],
    });
    const sse = TestBed.inject(SseClient);
    expect(sse.config.transport).toBe('fetch');
    // Only fetch can send headers: the default one arriving proves the transport.
    const stream = sse.stream<StubEvents>(`/sse-stub/echo?key=${uniqueKey()}`);
    expect((await firstValueFrom(stream.on('echo'))).data.authorization).toBe('default');
    stream.close();
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates, in ms, never negative', () => {
    const now = Date.parse('Sat, 21 Nov 2026 06:00:00 GMT');
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter('Sat, 21 Nov 2026 06:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('Sat, 21 Nov 2026 05:00:00 GMT', now)).toBe(0);
  });

  it('ignores a missing or invalid value', () => {
    expect(parseRetryAfter(null)).toBeUndefined();
    for (const value of ['soon', '1.5', '-1', '21 Nov 2026', 'Sat, 21 Nov 2026 06:00:05 CET']) {
      expect(parseRetryAfter(value)).withContext(value).toBeUndefined();
    }
  });
});
