import { SseError, type SseReason, withReconnect } from 'ngx-sse';

import { type ContractEvents, contractSetup } from './contract.spec-helper';

type Fail = (c: import('ngx-sse/testing').TestConnection) => void;

const fatal: [string, Fail, SseReason, number | undefined][] = [
  ['404', (c) => c.fail({ status: 404 }), 'http', 404],
  ['401', (c) => c.fail({ status: 401 }), 'unauthorized', 401],
  ['html 200', (c) => c.fail({ contentType: 'text/html' }), 'bad-content-type', 200],
  ['too-large', (c) => (c.open(), c.fail({ reason: 'too-large' })), 'too-large', undefined],
];

describe('contract: one error model', () => {
  for (const [name, fail, reason, status] of fatal) {
    it(`fetch ${name}: SseError with reason ${reason}, status, url, attempt, ngx-sse: message, in closed and on errors$`, () => {
      const { client, controller } = contractSetup();
      const stream = client.stream<ContractEvents>('/err', { transport: 'fetch' });
      let error: unknown;
      const seen: SseError[] = [];
      stream.errors$.subscribe((e) => seen.push(e));
      stream.on('a').subscribe({ error: (e) => (error = e) });
      fail(controller.expectConnection('/err'));
      expect(error).toBeInstanceOf(SseError);
      const e = error as SseError;
      expect({
        reason: e.reason,
        status: e.status,
        url: e.url,
        attempt: e.attempt,
        prefix: e.message.startsWith('ngx-sse:'),
      }).toEqual({ reason, status, url: '/err', attempt: 1, prefix: true });
      expect(stream.state()).toEqual(
        jasmine.objectContaining({ status: 'closed', reason, error: e }),
      );
      expect(seen).toContain(e);
      expect(stream.diagnostics().lastError).toBe(e);
    });
  }

  it('max-attempts: the SseError names the attempt and keeps the last failure as cause', () => {
    const { client, controller, scheduler } = contractSetup([withReconnect({ maxAttempts: 2 })]);
    const stream = client.stream<ContractEvents>('/max', { transport: 'fetch' });
    let error: SseError | undefined;
    stream.on('a').subscribe({ error: (e: SseError) => (error = e) });
    let attempts = 0;
    for (let c = controller.match('/max'); c.length; c = controller.match('/max')) {
      attempts++;
      c[0].fail({ status: 503 });
      scheduler.tick(60_000);
    }
    // maxAttempts counts retries: the first request and 2 retries, then the stop.
    expect(attempts).toBe(3);
    expect(error).toBeInstanceOf(SseError);
    expect({
      reason: error?.reason,
      prefix: error?.message.startsWith('ngx-sse:'),
      url: error?.url,
      attempt: error?.attempt,
      hasCause: error?.cause instanceof SseError,
    }).toEqual({ reason: 'max-attempts', prefix: true, url: '/max', attempt: 3, hasCause: true });
  });

  it('invalid-request at stream(): a typed SseError, ngx-sse: prefixed', () => {
    const { client } = contractSetup();
    let thrown: unknown;
    try {
      client.stream<ContractEvents>('/bad', { heartbeatTimeoutMs: Number.NaN });
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(SseError);
    expect((thrown as SseError).reason).toBe('invalid-request');
    expect((thrown as SseError).message).toMatch(/^ngx-sse:/);
  });

  it('parse error: SseError reason parse on errors$, the stream goes on', () => {
    const { client, controller } = contractSetup();
    const stream = client.stream<ContractEvents>('/parse');
    const seen: SseError[] = [];
    const data: number[] = [];
    stream.errors$.subscribe((e) => seen.push(e));
    stream.on('a').subscribe(({ data: d }) => data.push(d.n));
    const c = controller.expectConnection('/parse');
    c.open();
    c.emit('a', '{nope');
    c.emit('a', { n: 2 });
    expect(seen.map((e) => [e.reason, e.message.startsWith('ngx-sse:'), e.url])).toEqual([
      ['parse', true, '/parse'],
    ]);
    expect(data).toEqual([2]);
  });

  it('eventsource refusal: refused, retried, no status', () => {
    const { client, controller } = contractSetup();
    const stream = client.stream<ContractEvents>('/es');
    stream.on('a').subscribe();
    controller.expectConnection('/es').fail({ status: 404 });
    const state = stream.state();
    expect(state.status).toBe('reconnecting');
    const err = state.status === 'reconnecting' ? state.error : undefined;
    expect({ reason: err?.reason, status: err?.status, isError: err instanceof SseError }).toEqual({
      reason: 'refused',
      status: undefined,
      isError: true,
    });
  });
});
