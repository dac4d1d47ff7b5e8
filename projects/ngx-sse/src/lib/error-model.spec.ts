import { SseError } from 'ngx-sse';

import { type TestEvents, setup } from './testing.spec-helper';

describe('SseStream error model', () => {
  it('a fatal failure errors on(), messages() and events() subscribers of every handle with one SseError', () => {
    const { client, controller } = setup();
    const a = client.stream<TestEvents>('/e', { transport: 'fetch' });
    const b = client.stream<TestEvents>('/e', { transport: 'fetch' });
    const seen: unknown[] = [];
    const report = { error: (e: unknown) => seen.push(e), complete: () => seen.push('complete') };
    a.on('notification').subscribe(report);
    a.messages().subscribe(report);
    b.events().subscribe(report);
    const failures: SseError[] = [];
    b.errors$.subscribe({ next: (e) => failures.push(e), error: fail, complete: fail });
    controller.expectConnection('/e').fail({ status: 403 });
    const state = a.state();
    expect(state.status).toBe('closed');
    const error = state.status === 'closed' ? state.error : null;
    expect(error).toBeInstanceOf(SseError);
    expect([error?.reason, error?.status, error?.url]).toEqual(['unauthorized', 403, '/e']);
    expect(seen).toEqual([error, error, error]);
    expect(failures).toEqual([error!]);
  });

  it("a POST stopped by a 429 carries the answer's Retry-After, to tell the user how long", () => {
    const { client, controller } = setup();
    const chat = client.stream<TestEvents>('/chat', { transport: 'fetch', method: 'POST' });
    let failed: SseError | undefined;
    chat.events().subscribe({ error: (e: SseError) => (failed = e) });
    controller.expectConnection('/chat').fail({ status: 429, retryAfterMs: 12_000 });
    expect([failed?.reason, failed?.status, failed?.retryAfterMs]).toEqual(['http', 429, 12_000]);
  });

  it('close() and unsubscribing complete, with no error in the closed state', () => {
    const { client, controller } = setup();
    const stream = client.stream<TestEvents>('/e');
    const seen: string[] = [];
    stream
      .on('notification')
      .subscribe({ error: () => seen.push('error'), complete: () => seen.push('complete') });
    controller.expectConnection('/e').open();
    stream.close();
    expect(seen).toEqual(['complete']);
    expect(stream.state()).toEqual({ status: 'closed', reason: 'closed', error: null });
  });

  it('reports retried failures on errors$ and in the reconnecting state without erroring subscribers', () => {
    const { client, controller } = setup();
    const stream = client.stream<TestEvents>('/e', { transport: 'fetch' });
    const failures: SseError[] = [];
    stream.errors$.subscribe((e) => failures.push(e));
    const subscription = stream.on('notification').subscribe({ error: fail });
    controller.expectConnection('/e').fail({ status: 503, retryAfterMs: 2000 });
    const state = stream.state();
    expect(state).toEqual({
      status: 'reconnecting',
      attempt: 1,
      delayMs: 2000,
      reason: 'http',
      error: failures[0],
    });
    expect([failures[0].reason, failures[0].status, failures[0].attempt]).toEqual(['http', 503, 1]);
    expect(subscription.closed).toBeFalse();
    subscription.unsubscribe();
  });
});
