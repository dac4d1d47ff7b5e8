import { DOCUMENT } from '@angular/common';
import {
  DestroyRef,
  EnvironmentInjector,
  NgZone,
  PLATFORM_ID,
  createEnvironmentInjector,
  provideZoneChangeDetection,
  runInInjectionContext,
} from '@angular/core';
import { TestBed } from '@angular/core/testing';
import {
  EVENT_SOURCE_FACTORY,
  SseClient,
  provideSse,
  withBatching,
  withFetchTransport,
  withHeartbeatTimeout,
  withLinger,
  type SseBatching,
} from 'ngx-sse';
import { SseTestingController, provideSseTesting } from 'ngx-sse/testing';

import { type TestEvents, setup } from './testing.spec-helper';

const macrotask = () => new Promise((resolve) => setTimeout(resolve));

describe('Angular integration', () => {
  describe('under zone.js', () => {
    let emit: (type: string, data: string) => void;
    let constructedInZone: boolean | undefined;

    function configure(mode: SseBatching) {
      TestBed.configureTestingModule({
        providers: [
          provideZoneChangeDetection(),
          provideSse(withBatching(mode)),
          {
            provide: EVENT_SOURCE_FACTORY,
            useValue: () => {
              constructedInZone = NgZone.isInAngularZone();
              const target = new EventTarget();
              emit = (type, data) => target.dispatchEvent(new MessageEvent(type, { data }));
              return Object.assign(target, {
                readyState: 1,
                close: () => undefined,
              }) as unknown as EventSource;
            },
          },
        ],
      });
      return { client: TestBed.inject(SseClient), zone: TestBed.inject(NgZone) };
    }

    /** Zone turns for a burst, counted after `settleMs` (past the frame batching's fallback timeout). */
    async function zoneTurnsFor(mode: SseBatching, events: number, settleMs = 0) {
      const { client, zone } = configure(mode);
      let turns = 0;
      let deliveredInZone = true;
      zone.onUnstable.subscribe(() => turns++);
      const subscription = zone.run(() =>
        client
          .stream('/e', { deserialize: 'text' })
          .on('tick')
          .subscribe(() => (deliveredInZone &&= NgZone.isInAngularZone())),
      );
      await macrotask();
      turns = 0;
      for (let i = 0; i < events; i++) emit('tick', `${i}`);
      await macrotask();
      await new Promise((resolve) => setTimeout(resolve, settleMs));
      subscription.unsubscribe();
      return { turns, deliveredInZone };
    }

    it('creates the EventSource outside the Angular zone', async () => {
      await zoneTurnsFor('microtask', 1);
      expect(constructedInZone).toBeFalse();
    });

    it('re-enters the zone once per batch: a burst of 100 events is one zone turn', async () => {
      const { turns, deliveredInZone } = await zoneTurnsFor('microtask', 100);
      expect(turns).toBe(1);
      expect(deliveredInZone).toBeTrue();
    });

    it("batches per animation frame in 'animation-frame' mode, without a second flush", async () => {
      const { turns } = await zoneTurnsFor('animation-frame', 100, 150);
      expect(turns).toBe(1);
    });

    it("re-enters once per event in 'sync' mode (the baseline batching avoids)", async () => {
      const { turns } = await zoneTurnsFor('sync', 100);
      expect(turns).toBeGreaterThanOrEqual(100);
    });
  });

  it('keeps reconnect and heartbeat timers out of the Angular zone, so the app can become stable', async () => {
    TestBed.configureTestingModule({
      providers: [
        provideZoneChangeDetection(),
        provideSseTesting(),
        provideSse(withHeartbeatTimeout(60_000), withBatching('microtask')),
      ],
    });
    const zone = TestBed.inject(NgZone);
    const subscription = zone.run(() =>
      TestBed.inject(SseClient).stream<TestEvents>('/e').on('notification').subscribe(),
    );
    zone.run(() => TestBed.inject(SseTestingController).expectConnection('/e').fail());
    await macrotask();
    expect(zone.hasPendingMacrotasks).toBeFalse();
    subscription.unsubscribe();
  });

  it('connects nothing on the server platform and stays idle, even through teardown', () => {
    const { client, controller } = setup(
      [withBatching('animation-frame')],
      [{ provide: PLATFORM_ID, useValue: 'server' }],
    );
    const stream = client.stream<TestEvents>('/e');
    const got: unknown[] = [];
    const subscription = stream.on('notification').subscribe((m) => got.push(m));
    controller.expectNone('/e');
    expect(stream.state()).toEqual({ status: 'idle' });
    expect(() => subscription.unsubscribe()).not.toThrow();
    expect(stream.state()).toEqual({ status: 'idle' });
  });

  it("renders on the server's DOM, whose baseURI is not implemented (domino throws on it)", () => {
    // What platform-server's domino does: reading `baseURI` throws "NotYetImplemented".
    const serverDocument = new Proxy(document, {
      get(target, name) {
        if (name === 'baseURI') throw new Error('NotYetImplemented');
        const value: unknown = Reflect.get(target, name, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const { client, controller } = setup(
      [withFetchTransport()],
      [
        { provide: PLATFORM_ID, useValue: 'server' },
        { provide: DOCUMENT, useValue: serverDocument },
      ],
    );
    for (const transport of ['eventsource', 'fetch'] as const) {
      const stream = client.stream<TestEvents>('/e', { transport });
      stream.on('notification').subscribe();
      expect(stream.state()).toEqual({ status: 'idle' });
    }
    controller.expectNone('/e');
  });

  it('releases a stream created in an injection context when that context is destroyed', () => {
    const { client, controller } = setup();
    const scope = createEnvironmentInjector([], TestBed.inject(EnvironmentInjector));
    const stream = runInInjectionContext(scope, () => client.stream<TestEvents>('/e'));
    let completed = false;
    stream.on('notification').subscribe({ complete: () => (completed = true) });
    const connection = controller.expectConnection('/e');
    scope.destroy();
    expect(completed).toBeTrue();
    expect(connection.cancelled).toBeTrue();
    expect(stream.state()).toEqual({ status: 'closed', reason: 'unsubscribed', error: null });
  });

  it('keeps the linger when the scope is destroyed, so a route change can reuse the connection', () => {
    const { client, controller, scheduler } = setup([withLinger(1000)]);
    const scope = createEnvironmentInjector([], TestBed.inject(EnvironmentInjector));
    const stream = runInInjectionContext(scope, () => client.stream<TestEvents>('/e'));
    stream.on('notification').subscribe();
    const connection = controller.expectConnection('/e');
    scope.destroy();
    const next = client.stream<TestEvents>('/e').on('notification').subscribe();
    scheduler.tick(5000);
    expect(connection.cancelled).toBeFalse();
    controller.expectNone('/e');
    next.unsubscribe();
  });

  it('uses an explicit destroyRef', () => {
    const { client, controller } = setup();
    const scope = createEnvironmentInjector([], TestBed.inject(EnvironmentInjector));
    const stream = client.stream<TestEvents>('/e', { destroyRef: scope.get(DestroyRef) });
    stream.on('notification').subscribe();
    const connection = controller.expectConnection('/e');
    scope.destroy();
    expect(connection.cancelled).toBeTrue();
  });
});
