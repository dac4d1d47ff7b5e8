import {
  Component,
  ErrorHandler,
  Injector,
  NgZone,
  PLATFORM_ID,
  provideZoneChangeDetection,
  signal,
} from '@angular/core';
import { TestBed } from '@angular/core/testing';
import {
  SSE_SCHEDULER,
  SseError,
  provideSse,
  sseResource,
  withBatching,
  withFetchTransport,
  type SseResourceRequest,
} from 'ngx-sse';
import { FakeSseScheduler, SseTestingController, provideSseTesting } from 'ngx-sse/testing';

import { type ResourceEvents, collect, create, settle } from './resource.spec-helper';

type Events = ResourceEvents;

describe('sseResource', () => {
  let sse: SseTestingController;

  function configure(...providers: unknown[]) {
    TestBed.configureTestingModule({
      providers: [
        provideSseTesting(),
        provideSse(withFetchTransport({ default: false })),
        ...(providers as never[]),
      ],
    });
    sse = TestBed.inject(SseTestingController);
  }

  it('is idle with no connection while the request is undefined', async () => {
    configure();
    const url = signal<string | undefined>(undefined);
    const { ref } = create(() => sseResource<Events, 'n'>(() => url(), { event: 'n' }));
    await settle();
    expect(ref.status()).toBe('idle');
    expect(ref.state()).toEqual({ status: 'idle' });
    sse.expectNone(() => true);
    sse.verify();
  });

  it('holds the latest message of the named event, typed by the map', async () => {
    configure();
    const { ref } = create(() => sseResource<Events, 'n'>(() => '/a', { event: 'n' }));
    await settle();
    const connection = sse.expectConnection('/a');
    connection.open();
    connection.emit('n', { v: 1 }, '1');
    connection.emit('m', { s: 'other name' }, '2');
    connection.emit('n', { v: 3 }, '3');
    expect(ref.status()).toBe('resolved');
    expect(ref.value()?.data.v).toBe(3);
    expect(ref.value()?.lastEventId).toBe('3');
    expect(ref.state()).toEqual({ status: 'open' });
    expect(ref.diagnostics()?.eventsReceived).toBe(2);
  });

  it('accumulates with reduce from the initial value', async () => {
    configure();
    const { ref } = create(() =>
      sseResource<Events, 'n' | 'm', string[]>(() => '/a', {
        event: ['n', 'm'],
        reduce: (all, message) => [
          ...all,
          message.type === 'n' ? `n${message.data.v}` : `m${message.data.s}`,
        ],
        initialValue: [],
      }),
    );
    await settle();
    expect(ref.value()).toEqual([]);
    const connection = sse.expectConnection('/a');
    connection.open();
    connection.emit('n', { v: 1 });
    connection.emit('m', { s: 'x' });
    connection.emit('n', { v: 2 });
    expect(ref.value()).toEqual(['n1', 'mx', 'n2']);
  });

  it('untyped, without options, holds the latest message of any name; a reducer infers its value', async () => {
    configure();
    // On fetch every name reaches the client (an EventSource hears only the names it listens to).
    const request = () => ({ url: '/a', transport: 'fetch' as const });
    const { ref: latest } = create(() => sseResource(request));
    const { ref: total } = create(() =>
      sseResource(request, {
        event: 'n',
        reduce: (sum, { data }) => sum + (data as { v: number }).v,
        initialValue: 0,
      }),
    );
    await settle();
    const connection = sse.expectConnection('/a');
    connection.open();
    connection.emit('n', { v: 2 });
    connection.emit('n', { v: 3 });
    connection.emit('m', { s: 'last' });
    expect(latest.value()).toEqual(jasmine.objectContaining({ type: 'm', data: { s: 'last' } }));
    expect(total.value()).toBe(5);
  });

  it('on a request change cancels the old connection, opens the new one, and no old event arrives after', async () => {
    configure();
    const url = signal<SseResourceRequest>('/a');
    const { ref } = collect(() => url());
    await settle();
    const first = sse.expectConnection('/a');
    first.open();
    first.emit('n', { v: 1 }, '1');
    url.set({ url: '/b', lastEventId: '7' });
    await settle();
    expect(first.cancelled).toBeTrue();
    expect(() => first.emit('n', { v: 99 })).toThrowError(/already closed/);
    const second = sse.expectConnection('/b');
    // A new request starts afresh: its own resume id, a fresh accumulation.
    expect(second.request.lastEventId).toBe('7');
    second.open();
    second.emit('n', { v: 2 }, '8');
    expect(ref.value()).toEqual([2]);
    sse.verify();
  });

  it('is closed when its injection context is destroyed', async () => {
    configure();
    const { ref, injector } = create(() => sseResource<Events, 'n'>(() => '/a', { event: 'n' }));
    await settle();
    const connection = sse.expectConnection('/a');
    connection.open();
    injector.destroy();
    expect(connection.cancelled).toBeTrue();
    expect(ref.state().status).toBe('closed');
  });

  it('a 401 puts the resource in error with the SseError; a bad payload does not', async () => {
    const scheduler = new FakeSseScheduler();
    configure({ provide: SSE_SCHEDULER, useValue: scheduler });
    const { ref } = create(() =>
      sseResource<Events, 'n'>(() => ({ url: '/a', transport: 'fetch' }), { event: 'n' }),
    );
    await settle();
    const connection = sse.expectConnection('/a');
    connection.open();
    connection.emit('n', 'not json');
    expect(ref.status()).toBe('resolved');
    expect(ref.diagnostics()?.parseErrors).toBe(1);
    // The stream drops, and the server answers the reconnect with a 401.
    connection.fail();
    scheduler.tick(1000);
    sse.expectConnection('/a').fail({ status: 401 });
    expect(ref.status()).toBe('error');
    const error = ref.error() as SseError;
    expect(error).toBeInstanceOf(SseError);
    expect(error.reason).toBe('unauthorized');
    expect(error.status).toBe(401);
    expect(ref.state()).toEqual(jasmine.objectContaining({ status: 'closed', error }));
  });

  it('reload() makes a new attempt now, resuming from the last id and keeping the value', async () => {
    configure();
    const { ref } = create(() =>
      sseResource<Events, 'n', number>(() => '/a', {
        event: 'n',
        reduce: (sum, { data }) => sum + data.v,
        initialValue: 0,
      }),
    );
    await settle();
    const first = sse.expectConnection('/a');
    first.open();
    first.emit('n', { v: 5 }, '5');
    expect(ref.reload()).toBeTrue();
    await settle();
    expect(first.cancelled).toBeTrue();
    const second = sse.expectConnection('/a');
    expect(second.request.lastEventId).toBe('5');
    second.open();
    second.emit('n', { v: 1 }, '6');
    expect(ref.value()).toBe(6);
  });

  it('a request that comes back after another starts afresh, as its value does', async () => {
    configure();
    const url = signal('/a');
    const { ref } = collect(() => url());
    await settle();
    const a = sse.expectConnection('/a');
    a.open();
    a.emit('n', { v: 1 }, '1');
    a.emit('n', { v: 2 }, '2');
    url.set('/b');
    await settle();
    sse.expectConnection('/b');
    url.set('/a');
    await settle();
    const again = sse.expectConnection('/a');
    expect(again.request.lastEventId).toBe('');
    expect(ref.value()).toEqual([]);
    expect(ref.diagnostics()?.eventsReceived).toBe(0);
  });

  it('a request back after an idle spell, or a POST sent again, starts from the initial value', async () => {
    configure();
    const body = signal<string | URLSearchParams | undefined>('hi');
    const { ref } = collect(() => {
      const sent = body();
      return sent === undefined
        ? undefined
        : { url: '/chat', transport: 'fetch', method: 'POST', body: sent };
    });
    await settle();
    const first = sse.expectConnection('/chat');
    first.open();
    first.emit('n', { v: 1 });
    body.set(undefined);
    await settle();
    body.set('hi');
    await settle();
    const second = sse.expectConnection('/chat');
    second.open();
    second.emit('n', { v: 2 });
    expect(ref.value()).toEqual([2]);
    // Bodies JSON cannot tell apart are different requests too.
    body.set(new URLSearchParams({ p: '0' }));
    await settle();
    sse.expectConnection('/chat').open();
    body.set(new URLSearchParams({ p: '1' }));
    await settle();
    const last = sse.expectConnection('/chat');
    last.open();
    last.emit('n', { v: 3 });
    expect(ref.value()).toEqual([3]);
  });

  it('takes each listed name once, and refuses an empty list', async () => {
    configure();
    const { ref } = collect(() => '/a', ['n', 'n']);
    await settle();
    const connection = sse.expectConnection('/a');
    connection.open();
    connection.emit('n', { v: 1 });
    expect(ref.value()).toEqual([1]);
    expect(() =>
      create(() => sseResource<Events, 'n'>(() => '/a', { event: [] as 'n'[] })),
    ).toThrowError(TypeError, /names no event/);
  });

  it('reload() with another resource on the same connection reconnects it, counted once', async () => {
    configure();
    const { ref } = create(() => sseResource<Events, 'n'>(() => '/a', { event: 'n' }));
    create(() => sseResource<Events, 'm'>(() => '/a', { event: 'm' }));
    await settle();
    const first = sse.expectConnection('/a');
    first.open();
    first.emit('n', { v: 1 }, '1');
    expect(ref.reload()).toBeTrue();
    await settle();
    expect(first.cancelled).toBeTrue();
    const second = sse.expectConnection('/a');
    expect(second.request.lastEventId).toBe('1');
    expect(ref.diagnostics()?.reconnects).toBe(1);
    expect(ref.state().status).toBe('connecting');
  });

  it('reload() after a fatal failure opens the stream again', async () => {
    configure();
    const { ref } = create(() =>
      sseResource<Events, 'n'>(() => ({ url: '/a', transport: 'fetch' }), { event: 'n' }),
    );
    await settle();
    const first = sse.expectConnection('/a');
    first.open();
    first.emit('n', { v: 1 }, '1');
    first.fail({ reason: 'too-large' }); // fatal, mid-stream
    expect(ref.status()).toBe('error');
    expect(ref.reload()).toBeTrue();
    await settle();
    const second = sse.expectConnection('/a');
    expect(second.request.lastEventId).toBe('1');
    second.open();
    second.emit('n', { v: 2 }, '2');
    expect(ref.value()?.data).toEqual({ v: 2 });
  });

  it('set() and update() replace the accumulation while the stream goes on', async () => {
    configure();
    // fetch: an event over maxEventSize is fatal, which no EventSource failure is.
    const { ref } = collect(() => ({ url: '/a', transport: 'fetch' }));
    await settle();
    const connection = sse.expectConnection('/a');
    connection.open();
    connection.emit('n', { v: 1 });
    ref.set([]);
    expect(ref.value()).toEqual([]);
    connection.emit('n', { v: 2 });
    ref.update((list) => [0, ...list]);
    connection.emit('n', { v: 3 });
    expect(ref.value()).toEqual([0, 2, 3]);
    expect(ref.status()).toBe('resolved');
    expect(connection.cancelled).toBeFalse();
    expect(ref.state().status).toBe('open');
    // After a fatal failure, a set() is the app's own value and does not hide the error.
    connection.fail({ reason: 'too-large' });
    expect(ref.status()).toBe('error');
    ref.set([9]);
    expect(ref.status()).toBe('local');
    expect(ref.value()).toEqual([9]);
    expect(ref.state()).toEqual(
      jasmine.objectContaining({ status: 'closed', reason: 'too-large' }),
    );
  });

  it('a throwing reduce skips its message and reports to ErrorHandler; the rest goes on', async () => {
    const handled: unknown[] = [];
    configure({
      provide: ErrorHandler,
      useValue: { handleError: (e: unknown) => handled.push(e) },
    });
    const boom = new Error('bad reducer');
    const { ref: bad } = create(() =>
      sseResource<Events, 'n', number>(() => '/bad', {
        event: 'n',
        reduce: (sum, { data }) => {
          if (data.v === 2) throw boom;
          return sum + data.v;
        },
        initialValue: 0,
      }),
    );
    const { ref: good } = create(() =>
      sseResource<Events, 'n', number>(() => '/good', {
        event: 'n',
        reduce: (count) => count + 1,
        initialValue: 0,
      }),
    );
    await settle();
    const badConnection = sse.expectConnection('/bad');
    badConnection.open();
    const goodConnection = sse.expectConnection('/good');
    goodConnection.open();
    for (const v of [1, 2, 3]) {
      badConnection.emit('n', { v });
      goodConnection.emit('n', { v });
    }
    expect(handled).toEqual([boom]);
    expect(bad.value()).toBe(4);
    expect(good.value()).toBe(3);
    expect(bad.status()).toBe('resolved');
  });

  for (const zone of [false, true]) {
    it(`writes its value once per delivered batch (${zone ? 'zone.js' : 'zoneless'})`, async () => {
      configure(
        ...(zone ? [provideZoneChangeDetection()] : []),
        provideSse(withBatching('microtask')),
      );
      const seen = new Set<number>();
      let reads: () => number = () => 0;
      const { ref } = create(() =>
        sseResource<Events, 'n', number>(() => '/a', {
          event: 'n',
          // The value read while the batch runs: it only changes once the batch is over.
          reduce: (count) => {
            seen.add(reads());
            return count + 1;
          },
          initialValue: 0,
        }),
      );
      reads = () => ref.value();
      await settle();
      const connection = sse.expectConnection('/a');
      const run = (work: () => void) =>
        zone ? TestBed.inject(NgZone).runOutsideAngular(work) : work();
      run(() => connection.open());
      await Promise.resolve();
      run(() => {
        for (let i = 0; i < 100; i++) connection.emit('n', { v: i });
      });
      expect(ref.value()).toBe(0);
      await new Promise((resolve) => setTimeout(resolve));
      expect(ref.value()).toBe(100);
      expect([...seen]).toEqual([0]);
    });
  }

  it('is idle on the server: nothing connects', async () => {
    configure({ provide: PLATFORM_ID, useValue: 'server' });
    const { ref } = create(() => sseResource<Events, 'n'>(() => '/a', { event: 'n' }));
    await settle();
    expect(ref.status()).toBe('idle');
    sse.expectNone('/a');
  });

  it('works in a component, torn down with it', async () => {
    configure();
    @Component({ selector: 'sse-host', template: '{{ latest.value()?.data?.v }}' })
    class Host {
      readonly latest = sseResource<Events, 'n'>(() => '/a', { event: 'n' });
    }
    const fixture = TestBed.createComponent(Host);
    fixture.detectChanges();
    await fixture.whenStable();
    const connection = sse.expectConnection('/a');
    connection.open();
    connection.emit('n', { v: 42 });
    await fixture.whenStable();
    fixture.detectChanges();
    expect(connection.cancelled).toBeFalse();
    expect(fixture.componentInstance.latest.value()?.data.v).toBe(42);
    expect(fixture.nativeElement.textContent).toContain('42');
    fixture.destroy();
    expect(connection.cancelled).toBeTrue();
  });

  it('needs an injection context or an injector', async () => {
    configure();
    expect(() => sseResource<Events, 'n'>(() => '/a', { event: 'n' })).toThrowError(/NG0203/);
    const injector = TestBed.inject(Injector);
    expect(() => sseResource<Events, 'n'>(() => '/a', { event: 'n', injector })).not.toThrow();
  });
});
