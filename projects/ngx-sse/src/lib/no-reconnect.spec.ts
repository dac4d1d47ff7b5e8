import { withBatching, withFetchTransport } from 'ngx-sse';

import { type TestEvents, setup } from './testing.spec-helper';

describe('reconnect option and closing from a state callback', () => {
  it('a POST is not re-sent after a drop by default: the stream closes with the reason', () => {
    const { client, controller, scheduler } = setup([withFetchTransport()]);
    const stream = client.stream<TestEvents>('/chat', {
      transport: 'fetch',
      method: 'POST',
      body: '{"prompt":"hi"}',
    });
    let completed = false;
    stream.on('notification').subscribe({ complete: () => (completed = true) });
    const attempt = controller.expectConnection('/chat');
    attempt.open();
    attempt.end();
    expect(stream.state()).toEqual({ status: 'closed', reason: 'ended', error: null });
    expect(completed).toBeTrue();
    scheduler.tick(60_000);
    controller.expectNone('/chat');
  });

  it('a POST with reconnect: true, and a GET by default, do reconnect', () => {
    const { client, controller, scheduler } = setup([withFetchTransport()]);
    const post = client.stream<TestEvents>('/chat', {
      transport: 'fetch',
      method: 'POST',
      body: 'x',
      reconnect: true,
    });
    const get = client.stream<TestEvents>('/events');
    post.on('notification').subscribe();
    get.on('notification').subscribe();
    controller.expectConnection('/chat').fail();
    controller.expectConnection('/events').fail();
    scheduler.tick(1000);
    expect(controller.match(() => true).map((c) => c.url)).toEqual(['/chat', '/events']);
  });

  it('a GET with reconnect: false closes on a network failure, erroring its subscribers', () => {
    const { client, controller, scheduler } = setup();
    const stream = client.stream<TestEvents>('/events', { reconnect: false });
    let error: unknown;
    stream.on('notification').subscribe({ error: (e) => (error = e) });
    controller.expectConnection('/events').fail();
    expect(stream.state()).toEqual(
      jasmine.objectContaining({ status: 'closed', reason: 'network' }),
    );
    expect(error).toEqual(jasmine.objectContaining({ reason: 'network' }));
    scheduler.tick(60_000);
    controller.expectNone('/events');
  });

  it('close() from a subscriber that sees `reconnecting` synchronously wins: no attempt follows', () => {
    const { client, controller, scheduler } = setup();
    const stream = client.stream<TestEvents>('/events');
    stream.on('notification').subscribe();
    stream.state$.subscribe((state) => state.status === 'reconnecting' && stream.close());
    controller.expectConnection('/events').fail({ status: 503 });
    expect(stream.state().status).toBe('closed');
    scheduler.tick(60_000);
    controller.expectNone('/events');
    expect(scheduler.pending()).toEqual([]);
  });

  it('in one batch, events before a close reach subscribers before the closed state', async () => {
    const { client, controller } = setup([withFetchTransport(), withBatching('microtask')]);
    const stream = client.stream<{ done: { n: number } }>('/chat', {
      transport: 'fetch',
      method: 'POST',
      body: 'x',
    });
    const seen: string[] = [];
    stream.on('done').subscribe({
      next: () => seen.push(`done while ${stream.state().status}`),
      complete: () => seen.push('complete'),
    });
    stream.state$.subscribe((state) => seen.push(state.status));
    const attempt = controller.expectConnection('/chat');
    attempt.open();
    attempt.emit('done', { n: 1 });
    attempt.end();
    await Promise.resolve();
    expect(seen).toEqual(['idle', 'connecting', 'open', 'done while open', 'closed', 'complete']);
  });
});
