import { TestBed } from '@angular/core/testing';
import {
  EVENT_SOURCE_FACTORY,
  SSE_SCHEDULER,
  SseClient,
  SseError,
  provideSse,
  withBatching,
  withCredentials,
  withLastEventIdParam,
  withLinger,
} from 'ngx-sse';
import { FakeSseScheduler } from 'ngx-sse/testing';

import { FakeEventSource } from './fake-event-source.spec-helper';

describe('EventSourceBackend', () => {
  let sources: FakeEventSource[];
  let constructionError: Error | null;
  let scheduler: FakeSseScheduler;
  let client: SseClient;

  beforeEach(() => {
    sources = [];
    constructionError = null;
    scheduler = new FakeSseScheduler();
    TestBed.configureTestingModule({
      providers: [
        provideSse(
          withCredentials(),
          withBatching('sync'),
          withLastEventIdParam('since'),
          withLinger(500),
        ),
        { provide: SSE_SCHEDULER, useValue: scheduler },
        {
          provide: EVENT_SOURCE_FACTORY,
          useValue: (url: string, init: EventSourceInit) => {
            if (constructionError) throw constructionError;
            const source = new FakeEventSource(url, init);
            sources.push(source);
            return source as unknown as EventSource;
          },
        },
      ],
    });
    client = TestBed.inject(SseClient);
  });

  it('opens one EventSource with credentials and delivers named events', () => {
    const got: unknown[] = [];
    const stream = client.stream('/api/events');
    const subscription = stream
      .on('metric')
      .subscribe(({ data, lastEventId }) => got.push([data, lastEventId]));
    expect(sources.length).toBe(1);
    expect(sources[0].url).toBe('/api/events');
    expect(sources[0].init).toEqual({ withCredentials: true });
    sources[0].open();
    sources[0].emit('metric', '{"v":1}', '5');
    sources[0].emit('other', '{"v":2}', '6');
    expect(got).toEqual([[{ v: 1 }, '5']]);
    expect(stream.state()).toEqual({ status: 'open' });
    subscription.unsubscribe();
    scheduler.tick(500);
    expect(sources[0].readyState).toBe(2);
  });

  it('removes the listener of a name with no subscribers left', () => {
    const got: string[] = [];
    const stream = client.stream('/api/events', { deserialize: 'text' });
    const a = stream.on('a').subscribe(({ data }) => got.push(data as string));
    const b = stream.on('b').subscribe(({ data }) => got.push(data as string));
    a.unsubscribe();
    sources[0].emit('a', 'lost');
    sources[0].emit('b', 'kept');
    expect(got).toEqual(['kept']);
    expect(stream.diagnostics().eventsReceived).toBe(1);
    b.unsubscribe();
  });

  it('reflects the browser retrying (readyState CONNECTING) as reconnecting, keeping the EventSource', () => {
    const stream = client.stream('/api/events');
    const subscription = stream.on('metric').subscribe();
    sources[0].open();
    sources[0].error(0);
    expect(stream.state()).toEqual({
      status: 'reconnecting',
      attempt: 1,
      delayMs: null,
      reason: 'network',
      error: jasmine.objectContaining({ reason: 'network', attempt: 1 }),
    });
    expect(sources.length).toBe(1);
    sources[0].open();
    expect(stream.state()).toEqual({ status: 'open' });
    subscription.unsubscribe();
  });

  it('treats readyState CLOSED as fatal and reconnects itself, resuming via the query parameter', () => {
    const stream = client.stream('/api/events?topics=metrics');
    const subscription = stream.on('metric').subscribe();
    sources[0].open();
    sources[0].emit('metric', '1', '17');
    sources[0].error(2);
    expect(stream.state()).toEqual({
      status: 'reconnecting',
      attempt: 1,
      delayMs: 1000,
      reason: 'refused',
      error: jasmine.objectContaining({ reason: 'refused' }),
    });
    expect(stream.diagnostics().lastError?.status).toBeUndefined();
    scheduler.tick(1000);
    expect(sources.length).toBe(2);
    expect(sources[1].url).toBe('/api/events?topics=metrics&since=17');
    subscription.unsubscribe();
  });

  it('keeps the connection for the configured linger after the last subscriber leaves', () => {
    const stream = client.stream('/api/events');
    stream.on('metric').subscribe().unsubscribe();
    scheduler.tick(499);
    expect(sources[0].readyState).not.toBe(2);
    scheduler.tick(1);
    expect(sources[0].readyState).toBe(2);
  });

  it('stops with invalid-request and errors subscribers when the EventSource cannot be constructed', () => {
    // A URL the browser refuses though it parses (a blocked scheme or port, say).
    constructionError = new SyntaxError('Invalid URL');
    const stream = client.stream('/api/blocked');
    let failed: SseError | undefined;
    stream.on('metric').subscribe({ error: (e: SseError) => (failed = e) });
    expect(stream.state()).toEqual({ status: 'closed', reason: 'invalid-request', error: failed! });
    expect(failed?.reason).toBe('invalid-request');
    expect(failed?.cause).toBeInstanceOf(SyntaxError);
  });

  it("does not mistake the browser's own error events for server events named error", () => {
    const got: unknown[] = [];
    const stream = client.stream('/api/events', { deserialize: 'text' });
    stream.on('error').subscribe((message) => got.push(message.data));
    sources[0].open();
    sources[0].error(0);
    sources[0].emit('error', 'from the server', '9');
    expect(got).toEqual(['from the server']);
    expect(stream.diagnostics().eventsReceived).toBe(1);
  });
});
