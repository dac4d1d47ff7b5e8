import { TestBed } from '@angular/core/testing';
import { EVENT_SOURCE_FACTORY, SSE_SCHEDULER, SseClient, provideSse, withBatching } from 'ngx-sse';

import { FakeEventSource } from '../../src/lib/fake-event-source.spec-helper';
import { FakeSseScheduler } from './fake-sse-scheduler';
import { configureKit } from './kit.spec-helper';
import type { TestConnection } from './test-connection';

/** What a scenario does to the server side: the same steps for a real EventSource and the kit. */
interface Driver {
  open(): void;
  emit(type: string, data: string, id: string): void;
  /** A drop the browser retries by itself. */
  drop(): void;
  /** A drop as the server makes it, whoever then reconnects. */
  cut(): void;
  /** The browser gave up (a non-200 answer to its retry). */
  refuse(): void;
  /** Attempts made so far, and the resume id the newest one carries. */
  attempts(): { count: number; resumeId: string };
}

/** The real `EventSourceBackend`, on a fake `EventSource`. */
function realBrowser(): { client: SseClient; scheduler: FakeSseScheduler; driver: Driver } {
  const scheduler = new FakeSseScheduler();
  const sources: FakeEventSource[] = [];
  TestBed.configureTestingModule({
    providers: [
      provideSse(withBatching('sync')),
      { provide: SSE_SCHEDULER, useValue: scheduler },
      {
        provide: EVENT_SOURCE_FACTORY,
        useValue: (url: string, init: EventSourceInit) => {
          sources.push(new FakeEventSource(url, init));
          return sources.at(-1) as unknown as EventSource;
        },
      },
    ],
  });
  const last = () => sources.at(-1)!;
  const driver: Driver = {
    open: () => last().open(),
    emit: (type, data, id) => last().emit(type, data, id),
    drop: () => last().error(0),
    cut: () => last().error(0),
    refuse: () => last().error(2),
    attempts: () => ({
      count: sources.length,
      resumeId: new URL(last().url, 'http://x').searchParams.get('lastEventId') ?? '',
    }),
  };
  return { client: TestBed.inject(SseClient), scheduler, driver };
}

/** The testing kit, with `dropAndBrowserRetry()` for the browser's own reconnect. */
function kit(): { client: SseClient; scheduler: FakeSseScheduler; driver: Driver } {
  const { client, controller, scheduler } = configureKit(false);
  const made: TestConnection[] = [];
  const all = () => {
    made.push(...controller.match('/api/events'));
    return made;
  };
  const last = () => all().at(-1)!;
  const driver: Driver = {
    open: () => last().open(),
    emit: (type, data, id) => last().emit(type, data, id),
    drop: () => void last().dropAndBrowserRetry(),
    cut: () => last().fail(),
    refuse: () => last().fail({ status: 503 }),
    attempts: () => ({ count: all().length, resumeId: last().request.lastEventId }),
  };
  return { client, scheduler, driver };
}

/**
 * Open, an event, a drop the browser retries (twice: its first retry fails too), the retry
 * accepted, another drop, then a refused retry the library takes over after its backoff.
 * Returns the state and attempts after each step, and the final diagnostics.
 */
function browserRetryStory(setup: typeof kit) {
  const { client, scheduler, driver } = setup();
  const stream = client.stream('/api/events');
  const got: unknown[] = [];
  const subscription = stream.on('notification').subscribe(({ data }) => got.push(data));
  const trace: unknown[] = [];
  const step = (name: string, act: () => void) => {
    act();
    trace.push({ name, state: stream.state(), attempts: driver.attempts() });
  };
  step('open', () => driver.open());
  step('event', () => driver.emit('notification', '{"n":1}', '1'));
  step('drop', () => driver.drop());
  step('the browser waits, the library does not reconnect', () => scheduler.tick(60_000));
  step('its retry fails too', () => driver.drop());
  step('its retry is accepted', () => driver.open());
  step('event after the retry', () => driver.emit('notification', '{"n":2}', '2'));
  step('drop again', () => driver.drop());
  step('the browser gives up', () => driver.refuse());
  step('the library reconnects after its backoff', () => scheduler.tick(60_000));
  step('open', () => driver.open());
  const diagnostics = stream.diagnostics();
  subscription.unsubscribe();
  return { trace, got, diagnostics };
}

/**
 * A stream that resumes by query from the caller's id, an event without an id (the fresh
 * browser's id is empty: the query's still stands), a drop the browser retries, then an event
 * with an id and one that resets it, and a drop: the browser would retry from the query's stale
 * id, so the library reconnects, after its backoff, from the empty id.
 */
function staleQueryStory(setup: typeof kit) {
  const { client, scheduler, driver } = setup();
  const stream = client.stream('/api/events', { lastEventId: 's1' });
  const subscription = stream.on('notification').subscribe();
  const trace: unknown[] = [];
  const step = (name: string, act: () => void) => {
    act();
    trace.push({ name, state: stream.state(), attempts: driver.attempts() });
  };
  step('open', () => driver.open());
  step('event without an id', () => driver.emit('notification', '{"n":1}', ''));
  step('drop: the browser retries from the query', () => driver.cut());
  step('its retry is accepted', () => driver.open());
  step('event with an id', () => driver.emit('notification', '{"n":2}', '7'));
  step('event that resets the id', () => driver.emit('notification', '{"n":3}', ''));
  step('drop', () => driver.cut());
  step('the library reconnects after its backoff', () => scheduler.tick(60_000));
  subscription.unsubscribe();
  return trace;
}

describe('ngx-sse/testing: dropAndBrowserRetry() models the EventSource reconnecting by itself', () => {
  it('gives the same states, attempts and diagnostics as the real EventSource backend', () => {
    const real = browserRetryStory(realBrowser);
    TestBed.resetTestingModule();
    const modelled = browserRetryStory(kit);
    expect(modelled).toEqual(real);
    // What both show, spelled out: the library only waits while the browser retries.
    expect(real.trace[2]).toEqual({
      name: 'drop',
      state: {
        status: 'reconnecting',
        attempt: 1,
        delayMs: null,
        reason: 'network',
        error: jasmine.objectContaining({ reason: 'network', attempt: 1 }),
      },
      attempts: { count: 1, resumeId: '' },
    });
    expect(real.trace[4]).toEqual(
      jasmine.objectContaining({
        state: jasmine.objectContaining({ attempt: 2, delayMs: null }),
        attempts: { count: 1, resumeId: '' },
      }),
    );
    // Given up, the browser leaves it to the library: its own backoff, resuming by query.
    expect(real.trace[8]).toEqual(
      jasmine.objectContaining({
        state: jasmine.objectContaining({ reason: 'refused', attempt: 2, delayMs: 2000 }),
        attempts: { count: 1, resumeId: '' },
      }),
    );
    expect(real.trace.at(-1)).toEqual(
      jasmine.objectContaining({
        state: { status: 'open' },
        attempts: { count: 2, resumeId: '2' },
      }),
    );
    expect(real.got).toEqual([{ n: 1 }, { n: 2 }]);
  });

  it("reconnects by the library, as the real backend does, once the URL's resume id went stale", () => {
    const real = staleQueryStory(realBrowser);
    TestBed.resetTestingModule();
    expect(staleQueryStory(kit)).toEqual(real);
    // Before any id the fresh browser's id is empty, and its own retry resumes from the query.
    expect(real[2]).toEqual(
      jasmine.objectContaining({
        state: jasmine.objectContaining({ status: 'reconnecting', delayMs: null }),
        attempts: { count: 1, resumeId: 's1' },
      }),
    );
    // After a reset the library reconnects, after its backoff, without the stale query id.
    expect(real[6]).toEqual(
      jasmine.objectContaining({
        state: jasmine.objectContaining({
          status: 'reconnecting',
          reason: 'network',
          delayMs: 1000,
        }),
        attempts: { count: 1, resumeId: 's1' },
      }),
    );
    expect(real[7]).toEqual(jasmine.objectContaining({ attempts: { count: 2, resumeId: '' } }));
  });

  it('refuses dropAndBrowserRetry() and a browser-retrying failure once the server reset the id', () => {
    const { client, controller } = configureKit(false);
    client.stream('/api/events', { lastEventId: 's1' }).on('notification').subscribe();
    const connection = controller.expectConnection('/api/events');
    connection.open();
    connection.emit('notification', { n: 1 }, '7');
    connection.emit('notification', { n: 2 }, '');
    expect(() => connection.dropAndBrowserRetry()).toThrowError(/the library reconnects by itself/);
    expect(() => connection.fail({ reason: 'network', browserRetrying: true })).toThrowError(
      /the library reconnects, not the browser/,
    );
    connection.fail({ reason: 'network' });
    expect(connection.cancelled).toBeTrue();
  });

  it('returns the Last-Event-ID the browser sends, and the same attempt opens again', () => {
    const { client, controller } = configureKit(false);
    const stream = client.stream('/api/events');
    stream.on('notification').subscribe();
    const connection = controller.expectConnection('/api/events');
    connection.open();
    expect(connection.dropAndBrowserRetry()).toBe('');
    connection.open();
    connection.emit('notification', { n: 7 }, '7');
    connection.id('8');
    expect(connection.dropAndBrowserRetry()).toBe('8');
    // The retry is a new request the server has not accepted yet.
    expect(() => connection.emit('notification', { n: 9 })).toThrowError(/before open\(\)/);
    controller.expectNone('/api/events');
    connection.open();
    expect(stream.state()).toEqual({ status: 'open' });
    expect(connection.cancelled).toBeFalse();
  });

  it('a raw fail({ reason: network, browserRetrying: true }) is the same browser retry', () => {
    const { client, controller } = configureKit(false);
    const stream = client.stream('/api/events');
    stream.on('notification').subscribe();
    const connection = controller.expectConnection('/api/events');
    connection.open();
    connection.fail({ reason: 'network', browserRetrying: true });
    expect(stream.state()).toEqual(
      jasmine.objectContaining({ status: 'reconnecting', delayMs: null }),
    );
    connection.open();
    expect(stream.state()).toEqual({ status: 'open' });
  });
});
