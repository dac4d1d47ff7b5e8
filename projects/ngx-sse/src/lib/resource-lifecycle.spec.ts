import { DOCUMENT, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import {
  SSE_SCHEDULER,
  provideSse,
  sseResource,
  withFetchTransport,
  withLinger,
  type SseResourceRequest,
} from 'ngx-sse';
import { FakeSseScheduler, SseTestingController, provideSseTesting } from 'ngx-sse/testing';

import { type ResourceEvents, collect, create, settle } from './resource.spec-helper';
import { standInDocument } from './testing.spec-helper';

type Events = ResourceEvents;

describe('sseResource: the connection across a destroyed context and an equal request', () => {
  let sse: SseTestingController;
  let scheduler: FakeSseScheduler;

  function configure(...providers: unknown[]) {
    scheduler = new FakeSseScheduler();
    TestBed.configureTestingModule({
      providers: [
        provideSseTesting(),
        { provide: SSE_SCHEDULER, useValue: scheduler },
        ...(providers as never[]),
      ],
    });
    sse = TestBed.inject(SseTestingController);
  }

  const lingers: [string, SseResourceRequest, unknown[]][] = [
    ['withLinger(), as a stream() handle does', '/a', [provideSse(withLinger(5000))]],
    ["the request's own lingerMs", { url: '/a', lingerMs: 5000 }, []],
  ];
  for (const [how, request, providers] of lingers) {
    it(`a destroyed context lets the connection linger for ${how}`, async () => {
      configure(...providers);
      const { injector } = create(() => sseResource<Events, 'n'>(() => request, { event: 'n' }));
      await settle();
      const connection = sse.expectConnection('/a');
      connection.open();
      injector.destroy();
      await settle();
      expect(connection.cancelled).toBeFalse();
      scheduler.tick(5000);
      expect(connection.cancelled).toBeTrue();
    });
  }

  it('an equal request recomputed as a new object keeps the value and the connection', async () => {
    configure();
    const tick = signal(0);
    const { ref } = collect(() => (tick(), { url: '/a' }) as SseResourceRequest);
    await settle();
    const connection = sse.expectConnection('/a');
    connection.open();
    connection.emit('n', { v: 1 }, '1');
    tick.set(1);
    await settle();
    // Not closed and reopened without its id (the server would replay event 1 into the value).
    expect(connection.cancelled).toBeFalse();
    sse.expectNone('/a');
    connection.emit('n', { v: 2 }, '2');
    await settle();
    expect(ref.value()).toEqual([1, 2]);
  });

  it('an equal POST with a shareKey, recomputed, keeps its connection and so its value', async () => {
    configure(provideSse(withFetchTransport({ default: false })));
    const tick = signal(0);
    const { ref } = collect(
      () =>
        (tick(),
        {
          url: '/chat',
          transport: 'fetch',
          method: 'POST',
          body: 'hi',
          shareKey: 'chat-1',
        }) as SseResourceRequest,
    );
    await settle();
    const connection = sse.expectConnection('/chat');
    connection.open();
    connection.emit('n', { v: 1 });
    tick.set(1);
    await settle();
    expect(connection.cancelled).toBeFalse();
    connection.emit('n', { v: 2 });
    await settle();
    expect(ref.value()).toEqual([1, 2]);
  });

  it('reload() while the stream is paused (hidden page) schedules nothing, and says so', async () => {
    const page = standInDocument();
    configure({ provide: DOCUMENT, useValue: page });
    const { ref } = create(() =>
      sseResource<Events, 'n'>(() => ({ url: '/a', pauseWhenHidden: true }), { event: 'n' }),
    );
    await settle();
    sse.expectConnection('/a').open();
    page.setHidden(true);
    expect(ref.state().status).toBe('paused');
    expect(ref.reload()).toBeFalse();
    sse.expectNone('/a');
  });
});
