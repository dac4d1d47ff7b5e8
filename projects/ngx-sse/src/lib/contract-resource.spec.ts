import { EnvironmentInjector, NgZone, createEnvironmentInjector, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { SseError, type SseResourceRequest, sseResource } from 'ngx-sse';

import { type ContractEvents, contractSetup } from './contract.spec-helper';

async function settle(): Promise<void> {
  TestBed.inject(NgZone).run(() => TestBed.tick());
  await new Promise((resolve) => setTimeout(resolve));
}

function sum(request: () => SseResourceRequest | undefined) {
  const injector = createEnvironmentInjector([], TestBed.inject(EnvironmentInjector));
  const ref = injector.runInContext(() =>
    sseResource<ContractEvents, 'a', number>(request, {
      event: 'a',
      reduce: (total, { data }) => total + data.n,
      initialValue: 0,
    }),
  );
  return { ref, injector };
}

describe('contract: sseResource vs the ResourceRef contract', () => {
  it('undefined request: idle, no connection, value is initialValue, hasValue per Angular', async () => {
    const { controller } = contractSetup();
    const { ref } = sum(() => undefined);
    await settle();
    expect(controller.match(() => true).length).toBe(0);
    expect({
      status: ref.status(),
      loading: ref.isLoading(),
      value: ref.value(),
      state: ref.state().status,
    }).toEqual({ status: 'idle', loading: false, value: 0, state: 'idle' });
  });

  it('a request function that throws: the error surfaces as with Angular resource(), no connection', () => {
    const { controller } = contractSetup();
    const { injector } = sum(() => {
      throw new Error('boom');
    });
    expect(() => TestBed.tick()).toThrowError('boom');
    expect(controller.match(() => true).length).toBe(0);
    injector.destroy();
  });

  it('switching requests rapidly leaves only the last connection open', async () => {
    const { controller } = contractSetup();
    const url = signal('/r0');
    const { ref } = sum(() => url());
    await settle();
    for (let i = 1; i <= 5; i++) {
      url.set('/r' + i);
      await settle();
    }
    const all = controller.match(() => true);
    const open = all.filter((c) => !c.cancelled).map((c) => c.url);
    expect(open).toEqual(['/r5']);
    expect(ref.status()).toBe('resolved');
  });

  it('switching within one tick opens no connection for the skipped request', async () => {
    const { controller } = contractSetup();
    const url = signal('/s0');
    sum(() => url());
    await settle();
    url.set('/s1');
    url.set('/s2');
    await settle();
    expect(controller.match(() => true).map((c) => c.url)).toEqual(['/s0', '/s2']);
  });

  it('set() after a fatal error is local, as Angular', async () => {
    const { controller } = contractSetup();
    const { ref } = sum(() => ({ url: '/err3', transport: 'fetch' }));
    await settle();
    controller.expectConnection('/err3').fail({ status: 404 });
    await settle();
    ref.set(7);
    expect({ status: ref.status(), value: ref.value(), has: ref.hasValue() }).toEqual({
      status: 'local',
      value: 7,
      has: true,
    });
  });

  it('status and isLoading: resolved at once (documented); reload() resumes, keeps the value, stays resolved', async () => {
    const { controller } = contractSetup();
    const { ref } = sum(() => '/st');
    await settle();
    const first = controller.expectConnection('/st');
    expect({ status: ref.status(), loading: ref.isLoading(), has: ref.hasValue() }).toEqual({
      status: 'resolved',
      loading: false,
      has: true,
    });
    first.open();
    first.emit('a', { n: 2 }, '1');
    await settle();
    expect(ref.value()).toBe(2);
    expect(ref.reload()).toBeTrue();
    await settle();
    const second = controller.expectConnection('/st');
    expect(second.request.lastEventId).toBe('1');
    expect(ref.value()).toBe(2);
    expect(ref.status()).toBe('resolved');
  });

  it('set() makes status local; the next event folds into the set value and goes back to resolved', async () => {
    const { controller } = contractSetup();
    const { ref } = sum(() => '/set');
    await settle();
    const c = controller.expectConnection('/set');
    c.open();
    c.emit('a', { n: 1 });
    await settle();
    ref.set(100);
    // Documented in the sseResource JSDoc (not in the README table): the stream goes on, so
    // status stays resolved where Angular's WritableResource says local.
    expect(ref.status()).toBe('resolved');
    c.emit('a', { n: 5 });
    await settle();
    expect(ref.value()).toBe(105);
    expect(ref.status()).toBe('resolved');
    ref.update((v) => v * 2);
    expect({ value: ref.value(), status: ref.status() }).toEqual({
      value: 210,
      status: 'resolved',
    });
  });

  it('after a fatal error: status error, error() an SseError, value() throws, hasValue() false', async () => {
    const { controller } = contractSetup();
    const { ref } = sum(() => ({ url: '/err', transport: 'fetch' }));
    await settle();
    const c = controller.expectConnection('/err');
    c.open();
    c.emit('a', { n: 3 });
    await settle();
    c.fail({ reason: 'too-large' });
    await settle();
    expect(ref.status()).toBe('error');
    const error = ref.error();
    expect(error instanceof SseError && error.reason).toBe('too-large');
    expect(ref.hasValue()).toBeFalse();
    expect(() => ref.value()).toThrow();
    expect(ref.isLoading()).toBeFalse();
  });

  it('reload() after a fatal error reconnects, resumes and leaves the error state', async () => {
    const { controller } = contractSetup();
    const { ref } = sum(() => ({ url: '/err2', transport: 'fetch' }));
    await settle();
    const c = controller.expectConnection('/err2');
    c.open();
    c.emit('a', { n: 3 }, '3');
    c.fail({ reason: 'too-large' });
    await settle();
    expect(ref.status()).toBe('error');
    const reloaded = ref.reload();
    await settle();
    const again = controller.match('/err2');
    expect({
      reloaded,
      attempts: again.length,
      id: again[0]?.request.lastEventId,
      status: ref.status(),
    }).toEqual({ reloaded: true, attempts: 1, id: '3', status: 'resolved' });
  });

  it('destroy(): closes the connection, status idle', async () => {
    const { controller } = contractSetup();
    const { ref } = sum(() => '/destroy');
    await settle();
    const c = controller.expectConnection('/destroy');
    c.open();
    c.emit('a', { n: 1 });
    await settle();
    ref.destroy();
    await settle();
    expect(c.cancelled).toBeTrue();
    expect(ref.status()).toBe('idle');
  });

  it('injector destroyed: the connection closes (no linger)', async () => {
    const { controller } = contractSetup();
    const { injector } = sum(() => '/inj');
    await settle();
    const c = controller.expectConnection('/inj');
    injector.destroy();
    expect(c.cancelled).toBeTrue();
  });
});
