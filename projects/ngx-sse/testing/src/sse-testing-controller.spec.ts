import { TestBed } from '@angular/core/testing';
import { SSE_SCHEDULER, SseClient, provideSse, withFetchTransport } from 'ngx-sse';
import { FakeSseScheduler, SseTestingController, provideSseTesting } from 'ngx-sse/testing';

describe('ngx-sse/testing', () => {
  let client: SseClient;
  let controller: SseTestingController;
  let scheduler: FakeSseScheduler;

  beforeEach(() => {
    scheduler = new FakeSseScheduler();
    TestBed.configureTestingModule({
      providers: [
        provideSseTesting(),
        provideSse(withFetchTransport({ default: false })),
        { provide: SSE_SCHEDULER, useValue: scheduler },
      ],
    });
    client = TestBed.inject(SseClient);
    controller = TestBed.inject(SseTestingController);
  });

  it('expectConnection matches by URL or predicate and takes the connection off the pending list', () => {
    const subs = [client.stream('/a').on('x').subscribe(), client.stream('/b').on('x').subscribe()];
    expect(controller.expectConnection((request) => request.url === '/b').url).toBe('/b');
    expect(controller.expectConnection('/a').url).toBe('/a');
    expect(() => controller.expectConnection('/a')).toThrowError(/found 0/);
    subs.forEach((s) => s.unsubscribe());
  });

  it('a failed expectation lists the connections that do exist', () => {
    const subscription = client.stream('/api/events').on('x').subscribe();
    expect(() => controller.expectConnection('/api/other')).toThrowError(
      'ngx-sse/testing: expected one connection to /api/other, found 0. Connections made: /api/events [eventsource] (open).',
    );
    subscription.unsubscribe();
  });

  it('says so when no connection was made at all', () => {
    expect(() => controller.expectConnection('/x')).toThrowError(/No connection was made/);
  });

  it('expectNone throws when a matching connection is pending', () => {
    const subscription = client.stream('/a').on('x').subscribe();
    expect(() => controller.expectNone('/a')).toThrowError(
      /expected no connection to \/a, found 1/,
    );
    subscription.unsubscribe();
  });

  it('verify() fails on an unexpected open connection and passes once it is expected', () => {
    const subscription = client.stream('/a').on('x').subscribe();
    expect(() => controller.verify()).toThrowError(
      'ngx-sse/testing: 1 unexpected connection(s): /a [eventsource] (open)',
    );
    controller.expectConnection('/a');
    expect(() => controller.verify()).not.toThrow();
    subscription.unsubscribe();
  });

  it('verify() is strict: an unexpected connection the client already closed fails it too', () => {
    client.stream('/a').on('x').subscribe().unsubscribe();
    expect(() => controller.verify()).toThrowError(
      'ngx-sse/testing: 1 unexpected connection(s): /a [eventsource] (closed)',
    );
  });

  it('verify({ ignoreCancelled: true }) accepts closed ones but not open ones', () => {
    client.stream('/a').on('x').subscribe().unsubscribe();
    expect(() => controller.verify({ ignoreCancelled: true })).not.toThrow();
    const subscription = client.stream('/b').on('x').subscribe();
    expect(() => controller.verify({ ignoreCancelled: true })).toThrowError(
      /1 unexpected connection\(s\): \/b \[eventsource\] \(open\)$/,
    );
    subscription.unsubscribe();
  });

  it('a connection resuming from an id says so in the listing', () => {
    const subscription = client.stream('/a', { lastEventId: '7' }).on('x').subscribe();
    expect(() => controller.verify()).toThrowError(/\/a \[eventsource\] from id 7 \(open\)/);
    subscription.unsubscribe();
  });

  it('TestConnection drives the real client: emit, comment, fail with status, cancelled', () => {
    const stream = client.stream<{ n: { v: number } }>('/a', { transport: 'fetch' });
    const got: number[] = [];
    const subscription = stream.on('n').subscribe({
      next: ({ data }) => got.push(data.v),
      error: () => undefined,
    });
    const connection = controller.expectConnection('/a');
    connection.open();
    connection.emit('n', { v: 1 }, '1');
    connection.emit('n', '{"v":2}');
    connection.comment();
    expect(got).toEqual([1, 2]);
    expect(stream.diagnostics().lastEventId).toBe('1');

    connection.fail(); // dropped
    expect(connection.cancelled).toBeTrue();
    scheduler.tick(30_000);
    const busy = controller.expectConnection('/a');
    expect(busy.request.lastEventId).toBe('1');
    busy.fail({ status: 503, retryAfterMs: 4000 });
    expect(stream.state()).toEqual({
      status: 'reconnecting',
      attempt: 2,
      delayMs: 4000,
      reason: 'http',
      error: jasmine.objectContaining({ reason: 'http', status: 503 }),
    });
    scheduler.tick(4000);
    const next = controller.expectConnection('/a');
    next.fail({ contentType: 'text/html' });
    const error = stream.diagnostics().lastError!;
    expect(stream.state()).toEqual({ status: 'closed', reason: 'bad-content-type', error });
    expect([error.reason, error.status]).toEqual(['bad-content-type', 200]);
    expect(subscription.closed).toBeTrue();
  });

  it('FakeSseScheduler fires due timers in order, including ones they schedule', () => {
    const fired: string[] = [];
    scheduler.setTimeout(() => fired.push('b'), 20);
    scheduler.setTimeout(() => {
      fired.push('a');
      scheduler.setTimeout(() => fired.push('c'), 15);
    }, 10);
    const cancelled = scheduler.setTimeout(() => fired.push('never'), 5);
    scheduler.clearTimeout(cancelled);
    scheduler.tick(30);
    expect(fired).toEqual(['a', 'b', 'c']);
    expect(scheduler.now()).toBe(30);
  });

  it('TestConnection.fail also takes a backend failure as its transport reports it', () => {
    const stream = client.stream('/a', { transport: 'fetch' });
    stream.on('x').subscribe({ error: () => undefined });
    const connection = controller.expectConnection('/a');
    connection.open();
    connection.fail({ reason: 'too-large' });
    expect(stream.state()).toEqual(
      jasmine.objectContaining({ status: 'closed', reason: 'too-large' }),
    );
  });

  it('acting on a connection the client already closed throws a clear error', () => {
    const subscription = client.stream('/a').on('x').subscribe();
    const connection = controller.expectConnection('/a');
    subscription.unsubscribe();
    expect(connection.cancelled).toBeTrue();
    expect(() => connection.emit('x', 1)).toThrowError(
      'ngx-sse/testing: emit() on a connection to /a that the client already closed. Take the current one with expectConnection().',
    );
    expect(() => connection.open()).toThrowError(/open\(\) on a connection to \/a that the client/);
    expect(() => connection.fail()).toThrowError(/fail\(\) on a connection/);
    expect(() => connection.end()).toThrowError(/end\(\) on a connection/);
    expect(() => connection.comment()).toThrowError(/comment\(\) on a connection/);
    expect(() => connection.retry(10)).toThrowError(/retry\(\) on a connection/);
  });

  it('refuses what no server does: events before open(), a failing 200, a status with a content type', () => {
    const subscription = client.stream('/a').on('x').subscribe();
    const connection = controller.expectConnection('/a');
    for (const act of [
      () => connection.emit('x', 1),
      () => connection.comment(),
      () => connection.retry(5),
    ]) {
      expect(act).toThrowError(/ngx-sse\/testing: (emit|comment|retry)\(\) before open\(\) on \/a/);
    }
    expect(() => connection.fail({ status: 200 })).toThrowError(
      /a 200 is an accepted stream: use open\(\)/,
    );
    expect(() => connection.fail({ status: 42 })).toThrowError(/not a final HTTP status/);
    expect(() => connection.fail({ status: 101 })).toThrowError(/not a final HTTP status/);
    expect(() => connection.fail({ contentType: 'text/event-stream; charset=utf-8' })).toThrowError(
      /an accepted stream: use open\(\)/,
    );
    // A header sent twice arrives combined, and its last type counts, as in the transports.
    expect(() => connection.fail({ contentType: 'text/html, Text/Event-Stream ;q' })).toThrowError(
      /an accepted stream: use open\(\)/,
    );
    expect(() => connection.fail({ status: 503, contentType: 'text/html' })).toThrowError(
      /both status and contentType/,
    );
    expect(() => connection.fail({ retryAfterMs: 9000 })).toThrowError(/without a status/);
    expect(() => connection.end()).toThrowError(/end\(\) before open\(\)/);
    // Refused misuse leaves the attempt as it was: it can still be opened and used.
    connection.open();
    connection.emit('x', 1);
    expect(() => connection.open()).toThrowError(/open\(\) twice/);
    expect(() => connection.emit('x', undefined)).toThrowError(/always has data/);
    expect(() => connection.retry(NaN)).toThrowError(/digits only/);
    expect(() => scheduler.tick(-100)).toThrowError(RangeError, /time only moves forward/);
    subscription.unsubscribe();
  });

  it('end() is the server ending the stream: on fetch the client reconnects with reason ended', () => {
    const stream = client.stream('/a', { transport: 'fetch' });
    const subscription = stream.on('x').subscribe();
    const connection = controller.expectConnection('/a');
    connection.open();
    connection.end();
    expect(connection.cancelled).toBeTrue();
    expect(stream.state()).toEqual({
      status: 'reconnecting',
      attempt: 1,
      delayMs: 1000,
      reason: 'ended',
      error: null,
    });
    subscription.unsubscribe();
  });

  it('end() on eventsource is what a browser does with an ended body: it reconnects by itself', () => {
    const stream = client.stream('/a');
    const subscription = stream.on('x').subscribe();
    const connection = controller.expectConnection('/a');
    connection.open();
    connection.emit('x', 1, '9');
    connection.end();
    // The browser's retry is this same attempt: the client waits for it and opens nothing.
    expect(connection.cancelled).toBeFalse();
    expect(stream.state()).toEqual(
      jasmine.objectContaining({ status: 'reconnecting', delayMs: null, reason: 'network' }),
    );
    controller.expectNone('/a');
    connection.open();
    expect(stream.state()).toEqual({ status: 'open' });
    subscription.unsubscribe();
  });

  it('emit() forwards every name on fetch, and only listened names and message on eventsource', () => {
    const got: string[] = [];
    const record = (transport: string) => (m: { type: string }) =>
      got.push(`${transport}:${m.type}`);
    client.stream('/es', { deserialize: 'text' }).events().subscribe(record('es'));
    client.stream('/es', { deserialize: 'text' }).on('x').subscribe();
    client
      .stream('/f', { transport: 'fetch', deserialize: 'text' })
      .events()
      .subscribe(record('f'));
    const native = controller.expectConnection('/es');
    const fetched = controller.expectConnection('/f');
    expect(native.types).toEqual(new Set(['x']));
    for (const connection of [native, fetched]) {
      connection.open();
      connection.emit('x', 'a', '1');
      connection.emit('y', 'b');
      connection.emit('message', 'c');
    }
    expect(got).toEqual(['es:x', 'es:message', 'f:x', 'f:y', 'f:message']);
    // A handle with equal options reads the same connection: fetch resumed from the id.
    expect(client.stream('/f', { transport: 'fetch' }).diagnostics().lastEventId).toBe('1');
  });

  it('captures both transports without aliasing classes: request.transport says which', () => {
    client.stream('/es').on('x').subscribe();
    client
      .stream('/f', { transport: 'fetch', headers: { A: '1' } })
      .on('x')
      .subscribe();
    expect(controller.expectConnection('/es').request.transport).toBe('eventsource');
    const fetched = controller.expectConnection('/f').request;
    expect([fetched.transport, fetched.fetch.method]).toEqual(['fetch', 'GET']);
    expect(fetched.fetch.headers).toEqual({ A: '1' });
  });
});
