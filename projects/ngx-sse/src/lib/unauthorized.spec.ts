import { InjectionToken, inject } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import {
  type SseError,
  type SseReconnectPolicy,
  type SseUnauthorizedHandler,
  withFetchTransport,
  withReconnect,
} from 'ngx-sse';

import { type TestEvents, setup } from './testing.spec-helper';

/** Lets the refresh handler's promise chain run. */
const settle = () => new Promise((resolve) => setTimeout(resolve));

describe('SseStream 401 refresh (onUnauthorized, run by the core)', () => {
  function refreshing(handler: SseUnauthorizedHandler) {
    const onUnauthorized = jasmine.createSpy('onUnauthorized').and.callFake(handler);
    const kit = setup([withFetchTransport({ onUnauthorized })]);
    const stream = kit.client.stream<TestEvents>('/e', { transport: 'fetch' });
    let failed: SseError | undefined;
    stream.on('notification').subscribe({ error: (e: SseError) => (failed = e) });
    return { ...kit, stream, onUnauthorized, failed: () => failed };
  }

  it('refreshes once per open: a second 401 in a row closes with unauthorized', async () => {
    const { controller, stream, onUnauthorized, failed } = refreshing(async () => 'retry' as const);
    controller.expectConnection('/e').fail({ status: 401 });
    expect(stream.state()).toEqual(
      jasmine.objectContaining({ status: 'reconnecting', reason: 'unauthorized', attempt: 1 }),
    );
    await settle();
    controller.expectConnection('/e').fail({ status: 401 });
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    expect(stream.state()).toEqual({ status: 'closed', reason: 'unauthorized', error: failed()! });
    expect([failed()?.status, failed()?.attempt]).toEqual([401, 2]);
    expect(stream.diagnostics().reconnects).toBe(1);
    controller.verify();
  });

  it("runs the handler in the injection context of provideSse()'s injector", async () => {
    const AUTH = new InjectionToken<{ refresh(): void }>('AUTH');
    const auth = jasmine.createSpyObj<{ refresh(): void }>('auth', ['refresh']);
    TestBed.configureTestingModule({ providers: [{ provide: AUTH, useValue: auth }] });
    const { controller, stream } = refreshing(async () => {
      inject(AUTH).refresh();
      return 'retry' as const;
    });
    controller.expectConnection('/e').fail({ status: 401 });
    await settle();
    expect(auth.refresh).toHaveBeenCalledTimes(1);
    controller.expectConnection('/e').open();
    expect(stream.state()).toEqual({ status: 'open' });
  });

  it('runs no handler and opens nothing when a state$ subscriber closes the stream on the 401', async () => {
    const { controller, stream, onUnauthorized } = refreshing(() => 'retry');
    stream.state$.subscribe((state) => {
      if (state.status === 'reconnecting') stream.close();
    });
    controller.expectConnection('/e').fail({ status: 401 });
    await settle();
    controller.expectNone('/e');
    expect(onUnauthorized).not.toHaveBeenCalled();
    expect(stream.state().status).toBe('closed');
  });

  it('refreshes again after the stream opened in between (a 403 too)', async () => {
    const { controller, scheduler, stream, onUnauthorized } = refreshing(() => 'retry');
    controller.expectConnection('/e').fail({ status: 401 });
    await settle();
    const reopened = controller.expectConnection('/e');
    reopened.open();
    reopened.fail(); // dropped: the next attempt meets the 403
    scheduler.tick(30_000);
    controller.expectConnection('/e').fail({ status: 403 });
    await settle();
    expect(onUnauthorized).toHaveBeenCalledTimes(2);
    controller.expectConnection('/e').open();
    expect(stream.state()).toEqual({ status: 'open' });
    expect(stream.diagnostics().reconnects).toBe(3);
    controller.verify();
  });

  it('a handler that throws or rejects closes with unauthorized, its error as the cause', async () => {
    const refreshFailed = new Error('refresh failed');
    const { controller, stream, failed } = refreshing(async () => {
      throw refreshFailed;
    });
    controller.expectConnection('/e').fail({ status: 401 });
    await settle();
    expect(stream.state()).toEqual(
      jasmine.objectContaining({ status: 'closed', reason: 'unauthorized' }),
    );
    expect(failed()?.cause).toBe(refreshFailed);
    expect(failed()?.detail).toBe('onUnauthorized failed: Error: refresh failed');
    expect(failed()?.status).toBe(401);
    controller.verify();
  });

  it('closing while the handler runs makes no attempt afterwards', async () => {
    const { controller, stream } = refreshing(async () => 'retry' as const);
    controller.expectConnection('/e').fail({ status: 401 });
    stream.close();
    await settle();
    controller.expectNone('/e');
    expect(stream.state()).toEqual({ status: 'closed', reason: 'closed', error: null });
  });

  it('a custom policy that retries a 401 gets its retry timer (no refresh handler)', () => {
    const policy: SseReconnectPolicy = () => ({
      action: 'retry',
      delayMs: 100,
      reason: 'unauthorized',
    });
    const { client, controller, scheduler } = setup([withReconnect({ policy })]);
    client.stream<TestEvents>('/e').on('notification').subscribe();
    controller.expectConnection('/e').fail({ status: 401 });
    scheduler.tick(100);
    expect(controller.expectConnection('/e').cancelled).toBeFalse();
  });
});
