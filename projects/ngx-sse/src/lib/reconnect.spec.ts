import {
  SseBackend,
  type SseBackendConnection,
  type SseBackendHandlers,
  SseError,
  withBatching,
  withReconnect,
} from 'ngx-sse';

import { type TestEvents, setup } from './testing.spec-helper';

describe('SseStream reconnects', () => {
  // The library's own reconnects, so fetch streams: after a drop an EventSource reconnects by
  // itself, and the library only waits (see event-source-backend.spec.ts and the kit's
  // dropAndBrowserRetry()).
  it('reconnects with exponential backoff and counts attempts', () => {
    const { client, controller, scheduler } = setup([
      withReconnect({ initialDelayMs: 100, maxDelayMs: 1000 }),
    ]);
    const stream = client.stream<TestEvents>('/e', { transport: 'fetch' });
    const subscription = stream.on('notification').subscribe();
    const attempts: (number | null)[] = [];
    for (let i = 0; i < 4; i++) {
      const connection = controller.expectConnection('/e');
      connection.fail();
      expect(connection.cancelled).toBeTrue();
      const state = stream.state();
      attempts.push(state.status === 'reconnecting' ? state.delayMs : null);
      scheduler.tick(state.status === 'reconnecting' ? (state.delayMs ?? 0) : 0);
    }
    expect(attempts).toEqual([100, 200, 400, 800]);
    expect(stream.diagnostics().reconnects).toBe(4);
    controller.expectConnection('/e');
    subscription.unsubscribe();
  });

  it("uses the server's retry: as the floor", () => {
    const { client, controller, scheduler } = setup([withReconnect({ initialDelayMs: 100 })]);
    scheduler.randomValue = 0;
    // fetch: the end of a body is the library's to reconnect from (an EventSource retries itself).
    const stream = client.stream<TestEvents>('/e', { transport: 'fetch' });
    const subscription = stream.on('notification').subscribe();
    const connection = controller.expectConnection('/e');
    connection.open();
    connection.retry(3000);
    connection.end();
    expect(stream.state()).toEqual({
      status: 'reconnecting',
      attempt: 1,
      delayMs: 3000,
      reason: 'ended',
      error: null,
    });
    expect(scheduler.pending()).toEqual([3000]);
    subscription.unsubscribe();
  });

  it('resets the attempt counter after the connection was healthy for resetAfterMs', () => {
    const { client, controller, scheduler } = setup([
      withReconnect({ initialDelayMs: 100, resetAfterMs: 5000 }),
    ]);
    const stream = client.stream<TestEvents>('/e', { transport: 'fetch' });
    const subscription = stream.on('notification').subscribe();
    controller.expectConnection('/e').fail();
    scheduler.tick(100);
    const second = controller.expectConnection('/e');
    second.open();
    scheduler.tick(1000);
    second.fail();
    expect(stream.state()).toEqual(jasmine.objectContaining({ attempt: 2, delayMs: 200 }));
    scheduler.tick(200);
    const third = controller.expectConnection('/e');
    third.open();
    scheduler.tick(5000);
    third.fail();
    expect(stream.state()).toEqual(jasmine.objectContaining({ attempt: 1, delayMs: 100 }));
    subscription.unsubscribe();
  });

  it('stops with a reason when the policy says so, erroring subscribers with the SseError', () => {
    const { client, controller } = setup();
    const stream = client.stream<TestEvents>('/e', { transport: 'fetch' });
    let completed = false;
    const errors: unknown[] = [];
    stream.on('notification').subscribe({
      error: (e) => errors.push(e),
      complete: () => (completed = true),
    });
    controller.expectConnection('/e').fail({ status: 401 });
    const error = stream.diagnostics().lastError!;
    expect(error).toBeInstanceOf(SseError);
    expect([error.reason, error.status, error.url, error.attempt]).toEqual([
      'unauthorized',
      401,
      '/e',
      1,
    ]);
    expect(stream.state()).toEqual({ status: 'closed', reason: 'unauthorized', error });
    expect(errors).toEqual([error]);
    expect(completed).toBeFalse();
    controller.verify();
  });

  it('stops on any other 4xx with reason http and the status', () => {
    const { client, controller } = setup();
    const stream = client.stream<TestEvents>('/e', { transport: 'fetch' });
    stream.on('notification').subscribe({ error: () => undefined });
    controller.expectConnection('/e').fail({ status: 404 });
    expect(stream.state()).toEqual({
      status: 'closed',
      reason: 'http',
      error: jasmine.objectContaining({ reason: 'http', status: 404 }),
    });
  });

  it('gives up after maxAttempts', () => {
    const { client, controller, scheduler } = setup([
      withReconnect({ initialDelayMs: 10, maxAttempts: 2 }),
    ]);
    const stream = client.stream<TestEvents>('/e', { transport: 'fetch' });
    let failed: SseError | undefined;
    stream.on('notification').subscribe({ error: (e: SseError) => (failed = e) });
    for (let i = 0; i < 3; i++) {
      controller.expectConnection('/e').fail();
      scheduler.tick(1000);
    }
    expect(stream.state()).toEqual({ status: 'closed', reason: 'max-attempts', error: failed! });
    expect(failed?.reason).toBe('max-attempts');
    expect(failed?.attempt).toBe(3);
    expect((failed?.cause as SseError).reason).toBe('network');
    controller.expectNone('/e');
  });

  it('accepts a custom policy function', () => {
    const { client, controller, scheduler } = setup([
      withReconnect({
        policy: (failure) =>
          failure.reason === 'network'
            ? { action: 'stop', reason: 'refused' }
            : { action: 'retry', delayMs: 5, reason: failure.reason },
      }),
    ]);
    const stream = client.stream<TestEvents>('/e');
    stream.on('notification').subscribe({ error: () => undefined });
    controller.expectConnection('/e').fail({ status: 404 });
    expect(stream.state()).toEqual(
      jasmine.objectContaining({ status: 'reconnecting', delayMs: 5 }),
    );
    scheduler.tick(5);
    controller.expectConnection('/e').fail();
    expect(stream.state()).toEqual(
      jasmine.objectContaining({ status: 'closed', reason: 'refused' }),
    );
  });

  it('close() always wins: no reconnect fires after it', () => {
    const { client, controller, scheduler } = setup();
    const stream = client.stream<TestEvents>('/e', { transport: 'fetch' });
    stream.on('notification').subscribe();
    controller.expectConnection('/e').fail();
    expect(scheduler.pending().length).toBeGreaterThan(0);
    stream.close();
    scheduler.tick(60_000);
    controller.expectNone('/e');
    expect(stream.state()).toEqual({ status: 'closed', reason: 'closed', error: null });
    expect(scheduler.pending()).toEqual([]);
  });

  it('ignores callbacks from an attempt the client already gave up', () => {
    let late: SseBackendHandlers | undefined;
    class LeakyBackend extends SseBackend {
      connect(_request: unknown, handlers: SseBackendHandlers): SseBackendConnection {
        late = handlers;
        return { listen: () => undefined, unlisten: () => undefined, close: () => undefined };
      }
    }
    const { client } = setup([], [{ provide: SseBackend, useClass: LeakyBackend }]);
    const stream = client.stream<TestEvents>('/e');
    const got: string[] = [];
    stream.on('notification').subscribe(({ data }) => got.push(data.title));
    const stale = late!;
    stale.error({ reason: 'network' });
    stale.event('notification', '{"title":"late"}', '1');
    stale.open();
    expect(got).toEqual([]);
    expect(stream.state().status).toBe('reconnecting');
    expect(stream.diagnostics().eventsReceived).toBe(0);
  });

  it('resumes every reconnect from the last event id', () => {
    const { client, controller, scheduler } = setup();
    const stream = client.stream<TestEvents>('/e', { transport: 'fetch' });
    const subscription = stream.on('notification').subscribe();
    const first = controller.expectConnection('/e');
    expect(first.request.lastEventId).toBe('');
    first.open();
    first.emit('notification', { title: 'a' }, '41');
    first.emit('notification', { title: 'b' }, '42');
    first.fail();
    scheduler.tick(1000);
    const second = controller.expectConnection('/e');
    expect(second.request.lastEventId).toBe('42');
    second.open();
    second.emit('notification', { title: 'c' }, '43');
    second.end();
    scheduler.tick(1000);
    expect(controller.expectConnection('/e').request.lastEventId).toBe('43');
    subscription.unsubscribe();
  });

  it('closes an attempt whose backend failed while connecting', () => {
    let closed = 0;
    class FailingBackend extends SseBackend {
      connect(_request: unknown, handlers: SseBackendHandlers): SseBackendConnection {
        handlers.error({ reason: 'http', status: 401 });
        return { listen: () => undefined, unlisten: () => undefined, close: () => closed++ };
      }
    }
    const { client } = setup([], [{ provide: SseBackend, useClass: FailingBackend }]);
    const stream = client.stream<TestEvents>('/e');
    stream.on('notification').subscribe({ error: () => undefined });
    expect(stream.state()).toEqual(
      jasmine.objectContaining({ status: 'closed', reason: 'unauthorized' }),
    );
    expect(closed).toBe(1);
  });

  it('counts every reconnect even when several happen within one delivery batch', async () => {
    const { client, controller, scheduler } = setup([withBatching('microtask')]);
    const stream = client.stream<TestEvents>('/e', { transport: 'fetch' });
    stream.on('notification').subscribe();
    for (let i = 0; i < 3; i++) {
      controller.expectConnection('/e').fail();
      scheduler.tick(60_000);
    }
    await Promise.resolve();
    await new Promise((resolve) => setTimeout(resolve));
    expect(stream.diagnostics().reconnects).toBe(3);
  });
});
