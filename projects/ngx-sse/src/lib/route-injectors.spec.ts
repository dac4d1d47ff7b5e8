import { EnvironmentInjector, Injector, createEnvironmentInjector } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import {
  FetchBackend,
  SSE_FETCH,
  SseClient,
  type SseFailure,
  type SseRequest,
  provideSse,
  withFetchTransport,
} from 'ngx-sse';

import { type TestEvents, setup } from './testing.spec-helper';

const settle = () => new Promise((resolve) => setTimeout(resolve));

/** A GET fetch request as the core makes it, for a backend driven by hand. */
const request = {
  url: '/e',
  transport: 'fetch',
  withCredentials: false,
  lastEventId: '',
  lastEventIdParam: 'lastEventId',
  maxEventSize: 1 << 20,
  types: [],
  fetch: {},
} as unknown as SseRequest;

// A lazy route's `withFetchTransport()`: what its functions run in, what it inherits, and what
// happens to a stream that outlives the route's injector (a linger, a stream held elsewhere).
describe("a lazy route's fetch settings", () => {
  it('keeps a header function working after its injector is destroyed, without an injection context', async () => {
    let sent: HeadersInit | undefined;
    const route = createEnvironmentInjector(
      [
        provideSse(withFetchTransport({ headers: () => ({ 'X-Static': '1' }) })),
        {
          provide: SSE_FETCH,
          useValue: (_input: unknown, init: RequestInit) => {
            sent = init.headers;
            return new Promise(() => undefined);
          },
        },
      ],
      TestBed.inject(EnvironmentInjector),
    );
    const backend = route.get(FetchBackend);
    route.destroy();
    const failures: SseFailure[] = [];
    const ignore = () => undefined;
    backend.connect(request, {
      open: ignore,
      event: ignore,
      retry: ignore,
      alive: ignore,
      error: (failure) => failures.push(failure),
    });
    await settle();
    expect(failures).toEqual([]);
    expect(new Headers(sent).get('X-Static')).toBe('1');
  });

  it('runs its 401 handler after its injector is destroyed, and the stream goes on', async () => {
    const { controller } = setup();
    const route = createEnvironmentInjector(
      [provideSse(withFetchTransport({ onUnauthorized: () => 'retry' }))],
      TestBed.inject(EnvironmentInjector),
    );
    const stream = route.get(SseClient).stream<TestEvents>('/e', {
      transport: 'fetch',
      injector: TestBed.inject(Injector),
    });
    stream.on('notification').subscribe({ error: () => undefined });
    route.destroy();
    expect(() => controller.expectConnection('/e').fail({ status: 401 })).not.toThrow();
    await settle();
    controller.expectConnection('/e').open();
    expect(stream.state()).toEqual({ status: 'open' });
  });

  it("keeps the root's onUnauthorized when it sets only headers", async () => {
    const onUnauthorized = jasmine.createSpy('onUnauthorized').and.returnValue('retry');
    const { controller } = setup([withFetchTransport({ onUnauthorized })]);
    const route = createEnvironmentInjector(
      [provideSse(withFetchTransport({ headers: () => ({ 'X-Route': '1' }) }))],
      TestBed.inject(EnvironmentInjector),
    );
    const stream = route.get(SseClient).stream<TestEvents>('/e', {
      transport: 'fetch',
      injector: route,
    });
    stream.on('notification').subscribe({ error: () => undefined });
    controller.expectConnection('/e').fail({ status: 401 });
    await settle();
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    // The handler's 'retry' made a new attempt instead of closing with `unauthorized`.
    controller.expectConnection('/e').open();
    expect(stream.state()).toEqual({ status: 'open' });
  });
});
