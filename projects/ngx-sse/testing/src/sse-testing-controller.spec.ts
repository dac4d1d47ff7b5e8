import { TestBed } from '@angular/core/testing';
import { SSE_SCHEDULER, SseClient } from 'ngx-sse';
import { FakeSseScheduler, SseTestingController, provideSseTesting } from 'ngx-sse/testing';

describe('ngx-sse/testing', () => {
  let client: SseClient;
  let controller: SseTestingController;
  let scheduler: FakeSseScheduler;

  beforeEach(() => {
    scheduler = new FakeSseScheduler();
    TestBed.configureTestingModule({
      providers: [provideSseTesting(), { provide: SSE_SCHEDULER, useValue: scheduler }],
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
      'ngx-sse/testing: expected one connection to /api/other, found 0. Connections made: /api/events (open).',
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
      /1 unexpected open connection\(s\): \/a \(open\)/,
    );
    controller.expectConnection('/a');
    expect(() => controller.verify()).not.toThrow();
    subscription.unsubscribe();
  });

  it('verify() ignores connections the client already closed', () => {
    client.stream('/a').on('x').subscribe().unsubscribe();
    expect(() => controller.verify()).not.toThrow();
  });

  it('TestConnection drives the real client: emit, comment, fail with status, close, cancelled', () => {
    const stream = client.stream<{ n: { v: number } }>('/a');
    const got: number[] = [];
    const subscription = stream.on('n').subscribe(({ data }) => got.push(data.v));
    const connection = controller.expectConnection('/a');
    connection.open();
    connection.emit('n', { v: 1 }, '1');
    connection.emit('n', '{"v":2}');
    connection.comment();
    expect(got).toEqual([1, 2]);
    expect(stream.diagnostics().lastEventId).toBe('1');

    connection.fail({ status: 503, retryAfterMs: 4000 });
    expect(connection.cancelled).toBeTrue();
    expect(stream.state()).toEqual({
      status: 'reconnecting',
      attempt: 1,
      delayMs: 4000,
      reason: 'http-503',
    });
    scheduler.tick(4000);
    const next = controller.expectConnection('/a');
    expect(next.request.lastEventId).toBe('1');
    next.fail({ contentType: 'text/html' });
    expect(stream.state()).toEqual({ status: 'closed', reason: 'bad-content-type' });
    expect(stream.diagnostics().lastError?.kind).toBe('content-type');
    subscription.unsubscribe();
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

  it('TestConnection.fail also takes any backend failure as it is', () => {
    const stream = client.stream('/a');
    stream.on('x').subscribe();
    const connection = controller.expectConnection('/a');
    connection.fail({ kind: 'network', browserRetrying: true });
    expect(stream.state()).toEqual({
      status: 'reconnecting',
      attempt: 1,
      delayMs: null,
      reason: 'network',
    });
    connection.fail({ kind: 'too-large' });
    expect(stream.state()).toEqual({ status: 'closed', reason: 'too-large' });
  });
});
