import { TestBed } from '@angular/core/testing';
import { SseClient, type SseMessage } from 'ngx-sse';
import type { Subscription } from 'rxjs';

import { type TestEvents, setup } from './testing.spec-helper';

describe('SseClient: shared typed streams', () => {
  it('works with zero configuration (providedIn root, defaults)', () => {
    const client = TestBed.inject(SseClient);
    const stream = client.stream('/api/events');
    expect(stream.state()).toEqual({ status: 'idle' });
    expect(client.config.lastEventIdParam).toBe('lastEventId');
    expect(client.config.transport).toBe('eventsource');
  });

  it('connects lazily, on the first subscriber', () => {
    const { client, controller } = setup();
    const stream = client.stream<TestEvents>('/api/events');
    controller.expectNone('/api/events');
    const subscription = stream.on('notification').subscribe();
    expect(controller.expectConnection('/api/events').types).toEqual(new Set(['notification']));
    subscription.unsubscribe();
  });

  it('shares one connection across subscribers, event names and handles', () => {
    const { client, controller } = setup();
    const a = client.stream<TestEvents>('/api/events');
    const b = client.stream<TestEvents>('/api/events');
    const got: string[] = [];
    const subs = [
      a.on('notification').subscribe(({ data }) => got.push(`a:${data.title}`)),
      a.on('notification').subscribe(({ data }) => got.push(`a2:${data.title}`)),
      b.on('job-progress').subscribe(({ data }) => got.push(`b:${data.percent}`)),
    ];
    const connection = controller.expectConnection('/api/events');
    expect(controller.match('/api/events')).toEqual([]);
    connection.open();
    connection.emit('notification', { title: 'hi' });
    connection.emit('job-progress', { percent: 40 });
    expect(got).toEqual(['a:hi', 'a2:hi', 'b:40']);
    subs.forEach((s) => s.unsubscribe());
  });

  it('adds a listener per subscribed name and removes it when the name has no subscribers', () => {
    const { client, controller } = setup();
    const stream = client.stream<TestEvents>('/api/events');
    const first = stream.on('notification').subscribe();
    const connection = controller.expectConnection('/api/events');
    const second = stream.on('job-progress').subscribe();
    expect(connection.types).toEqual(new Set(['notification', 'job-progress']));
    second.unsubscribe();
    expect(connection.types).toEqual(new Set(['notification']));
    expect(connection.cancelled).toBeFalse();
    first.unsubscribe();
  });

  it('closes when the last subscriber leaves and reopens on a later subscribe', () => {
    const { client, controller } = setup();
    const stream = client.stream<TestEvents>('/api/events');
    let subscription = stream.on('notification').subscribe();
    const first = controller.expectConnection('/api/events');
    first.open();
    subscription.unsubscribe();
    expect(first.cancelled).toBeTrue();
    expect(stream.state()).toEqual({ status: 'closed', reason: 'unsubscribed', error: null });

    subscription = stream.on('notification').subscribe();
    const second = controller.expectConnection('/api/events');
    expect(second.cancelled).toBeFalse();
    expect(stream.state()).toEqual({ status: 'connecting' });
    subscription.unsubscribe();
  });

  it('keeps the connection during the linger time, across a resubscribe', () => {
    const { client, controller, scheduler } = setup();
    const stream = client.stream<TestEvents>('/api/events', { lingerMs: 2000 });
    stream.on('notification').subscribe().unsubscribe();
    const connection = controller.expectConnection('/api/events');
    scheduler.tick(1500);
    const again = stream.on('notification').subscribe();
    scheduler.tick(5000);
    expect(connection.cancelled).toBeFalse();
    controller.expectNone('/api/events');
    again.unsubscribe();
    scheduler.tick(1999);
    expect(connection.cancelled).toBeFalse();
    scheduler.tick(1);
    expect(connection.cancelled).toBeTrue();
  });

  it('opens separate connections for different URLs or options', () => {
    const { client, controller } = setup();
    const subs: Subscription[] = [
      client.stream('/a').on('x').subscribe(),
      client.stream('/b').on('x').subscribe(),
      client.stream('/a', { withCredentials: true }).on('x').subscribe(),
    ];
    expect(controller.match('/a').length).toBe(2);
    expect(controller.match('/b').length).toBe(1);
    subs.forEach((s) => s.unsubscribe());
  });

  it('delivers default events through messages()', () => {
    const { client, controller } = setup();
    const got: SseMessage<string>[] = [];
    const subscription = client
      .stream<TestEvents>('/api/events', { deserialize: 'text' })
      .messages()
      .subscribe((m) => got.push(m));
    const accepted = controller.expectConnection('/api/events');
    accepted.open();
    accepted.emit('message', 'plain', '3');
    expect(got.map(({ type, data, lastEventId }) => ({ type, data, lastEventId }))).toEqual([
      { type: 'message', data: 'plain', lastEventId: '3' },
    ]);
    subscription.unsubscribe();
  });

  it('close() closes at once even while the connection lingers without subscribers', () => {
    const { client, controller, scheduler } = setup();
    const stream = client.stream<TestEvents>('/api/events', { lingerMs: 5000 });
    stream.on('notification').subscribe().unsubscribe();
    const connection = controller.expectConnection('/api/events');
    expect(connection.cancelled).toBeFalse();
    stream.close();
    expect(connection.cancelled).toBeTrue();
    expect(stream.state()).toEqual({ status: 'closed', reason: 'closed', error: null });
    expect(scheduler.pending()).toEqual([]);
  });

  it('reopens the same shared connection for old and new handles after it closed', () => {
    const { client, controller } = setup();
    const first = client.stream<TestEvents>('/api/events');
    first.on('notification').subscribe().unsubscribe();
    controller.expectConnection('/api/events');
    const again = first.on('notification').subscribe();
    expect(controller.expectConnection('/api/events').cancelled).toBeFalse();
    const shared = client.stream<TestEvents>('/api/events').on('notification').subscribe();
    controller.expectNone('/api/events');
    again.unsubscribe();
    shared.unsubscribe();
  });
});
