import type { DestroyRef } from '@angular/core';
import { withLastEventIdParam } from 'ngx-sse';

import { type TestEvents, setup } from './testing.spec-helper';

describe('SseStream lifecycle additions', () => {
  it('sends the lastEventId option on the first connection, then the ids that arrive', () => {
    const { client, controller, scheduler } = setup();
    // fetch: the end of a body is the library's to reconnect from (an EventSource retries itself).
    const stream = client.stream<TestEvents>('/e', { lastEventId: 'saved-41', transport: 'fetch' });
    const subscription = stream.on('notification').subscribe();
    const first = controller.expectConnection('/e');
    expect(first.request.lastEventId).toBe('saved-41');
    first.open();
    first.emit('notification', { title: 'a' }, '42');
    first.end();
    scheduler.tick(1000);
    expect(controller.expectConnection('/e').request.lastEventId).toBe('42');
    subscription.unsubscribe();
  });

  it('reconnect() makes a fresh attempt now, keeping the resume id, counted as a reconnect', () => {
    const { client, controller } = setup();
    const stream = client.stream<TestEvents>('/e');
    const subscription = stream.on('notification').subscribe();
    const first = controller.expectConnection('/e');
    first.open();
    first.emit('notification', { title: 'a' }, '5');
    stream.reconnect();
    expect(first.cancelled).toBeTrue();
    expect(stream.state()).toEqual({ status: 'connecting' });
    const second = controller.expectConnection('/e');
    expect(second.request.lastEventId).toBe('5');
    second.open();
    expect(stream.diagnostics().reconnects).toBe(1);
    expect(subscription.closed).toBeFalse();
    subscription.unsubscribe();
  });

  it('reconnect() skips a pending backoff delay, and does nothing without subscribers', () => {
    const { client, controller, scheduler } = setup();
    const stream = client.stream<TestEvents>('/e', { transport: 'fetch' });
    stream.reconnect();
    controller.expectNone('/e');
    const subscription = stream.on('notification').subscribe();
    controller.expectConnection('/e').fail();
    expect(scheduler.pending()).toEqual([1000]);
    stream.reconnect();
    expect(scheduler.pending()).toEqual([]);
    controller.expectConnection('/e').open();
    expect(stream.diagnostics().reconnects).toBe(2);
    subscription.unsubscribe();
  });

  it('events() gets every name with its type on the fetch transport', () => {
    const { client, controller } = setup();
    const stream = client.stream<TestEvents>('/e', { transport: 'fetch' });
    const got: string[] = [];
    stream.events().subscribe((m) => got.push(`${m.type}:${JSON.stringify(m.data)}`));
    const connection = controller.expectConnection('/e');
    expect(connection.request.transport).toBe('fetch');
    connection.open();
    connection.emit('notification', { title: 'a' });
    connection.emit('job-progress', { percent: 5 });
    connection.emit('unlisted', '1');
    connection.emit('message', '"plain"');
    expect(got).toEqual([
      'notification:{"title":"a"}',
      'job-progress:{"percent":5}',
      'unlisted:1',
      'message:"plain"',
    ]);
  });

  it('events() on EventSource gets the names something listens to, and message', () => {
    const { client, controller } = setup();
    const stream = client.stream<TestEvents>('/e', { deserialize: 'text' });
    const got: string[] = [];
    stream.events().subscribe((m) => got.push(m.type));
    stream.on('notification').subscribe();
    const connection = controller.expectConnection('/e');
    connection.open();
    connection.emit('notification', 'a');
    connection.emit('unlisted', 'b');
    connection.emit('message', 'c');
    expect(got).toEqual(['notification', 'message']);
  });

  it('comments() delivers comment lines with comments: true, and nothing without it', () => {
    const { client, controller } = setup();
    const on: string[] = [];
    const off: string[] = [];
    client
      .stream('/on', { transport: 'fetch', comments: true })
      .comments()
      .subscribe((c) => on.push(c));
    client
      .stream('/off', { transport: 'fetch' })
      .comments()
      .subscribe((c) => off.push(c));
    for (const url of ['/on', '/off']) {
      const connection = controller.expectConnection(url);
      connection.open();
      connection.comment('heartbeat');
    }
    expect(on).toEqual(['heartbeat']);
    expect(off).toEqual([]);
  });

  it('resumes EventSource streams through the query parameter from the lastEventId option', () => {
    const { client, controller } = setup([withLastEventIdParam('since')]);
    client.stream('/e', { lastEventId: 'x 1' }).on('n').subscribe();
    const { request } = controller.expectConnection('/e');
    expect([request.lastEventId, request.lastEventIdParam]).toEqual(['x 1', 'since']);
  });

  it('close() lets go of the scope it was bound to: a long-lived injector does not keep handles', () => {
    const { client, controller } = setup();
    const hooks = new Set<() => void>();
    const destroyRef = {
      onDestroy: (hook: () => void) => {
        hooks.add(hook);
        return () => hooks.delete(hook);
      },
    } as unknown as DestroyRef;
    for (let i = 0; i < 100; i++) {
      const stream = client.stream('/chat', {
        transport: 'fetch',
        method: 'POST',
        body: `${i}`,
        destroyRef,
      });
      stream.on('token').subscribe();
      controller.expectConnection('/chat');
      stream.close();
    }
    expect(hooks.size).toBe(0);
    const kept = client.stream('/kept', { destroyRef });
    kept.on('x').subscribe();
    expect(hooks.size).toBe(1);
    [...hooks].forEach((hook) => hook());
    expect(controller.expectConnection('/kept').cancelled).toBeTrue();
  });

  it('after close() or the last unsubscribe, the same request starts afresh: no resume, no old counts', () => {
    const { client, controller } = setup();
    const first = client.stream<TestEvents>('/e');
    first.on('notification').subscribe();
    const attempt = controller.expectConnection('/e');
    attempt.open();
    attempt.emit('notification', { title: 'a' }, '42');
    first.close();
    // Whether or not the old connection was collected, a new handle behaves the same.
    const second = client.stream<TestEvents>('/e');
    const subscription = second.on('notification').subscribe();
    expect(controller.expectConnection('/e').request.lastEventId).toBe('');
    expect(second.diagnostics()).toEqual(
      jasmine.objectContaining({ eventsReceived: 0, lastEventId: '', reconnects: 0 }),
    );
    expect(second.diagnostics().log.map(({ state }) => state.status)).toEqual(['connecting']);
    subscription.unsubscribe();
    second.on('notification').subscribe();
    expect(controller.expectConnection('/e').request.lastEventId).toBe('');
  });

  it('a handle that subscribes again after a fatal stop resumes from the last id, its history kept', () => {
    const { client, controller } = setup();
    const stream = client.stream<TestEvents>('/e', { transport: 'fetch' });
    stream.on('notification').subscribe();
    const first = controller.expectConnection('/e');
    first.open();
    first.emit('notification', { title: 'a' }, '7');
    first.fail({ reason: 'too-large' }); // fatal, mid-stream
    expect(stream.state().status).toBe('closed');
    stream.on('notification').subscribe();
    const again = controller.expectConnection('/e');
    expect(again.request.lastEventId).toBe('7');
    const statuses = stream.diagnostics().log.map(({ state }) => state.status);
    expect(statuses).toEqual(['connecting', 'open', 'closed', 'connecting']);
    expect(stream.diagnostics().eventsReceived).toBe(1);
    stream.close();
  });
});
