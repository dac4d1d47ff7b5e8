import { DOCUMENT } from '@angular/core';
import { withHeartbeatTimeout } from 'ngx-sse';

import { type TestEvents, setup, standInDocument } from './testing.spec-helper';

describe('SseStream liveness', () => {
  it('reconnects with reason idle-timeout when nothing arrives within the heartbeat timeout', () => {
    const { client, controller, scheduler } = setup([withHeartbeatTimeout(5000)]);
    const stream = client.stream<TestEvents>('/e');
    const subscription = stream.on('notification').subscribe();
    const connection = controller.expectConnection('/e');
    connection.open();
    scheduler.tick(4999);
    expect(stream.state().status).toBe('open');
    scheduler.tick(1);
    expect(stream.state()).toEqual(
      jasmine.objectContaining({ status: 'reconnecting', reason: 'idle-timeout' }),
    );
    expect(stream.diagnostics().lastError?.reason).toBe('idle-timeout');
    expect(connection.cancelled).toBeTrue();
    subscription.unsubscribe();
  });

  it('never times out a healthy stream that only sends heartbeat comments', () => {
    const { client, controller, scheduler } = setup([withHeartbeatTimeout(5000)]);
    const stream = client.stream<TestEvents>('/e');
    const subscription = stream.on('notification').subscribe();
    const connection = controller.expectConnection('/e');
    connection.open();
    for (let i = 0; i < 20; i++) {
      scheduler.tick(3000);
      connection.comment();
    }
    expect(stream.state().status).toBe('open');
    expect(connection.cancelled).toBeFalse();
    subscription.unsubscribe();
  });

  it('counts events as liveness too', () => {
    const { client, controller, scheduler } = setup();
    const stream = client.stream<TestEvents>('/e', { heartbeatTimeoutMs: 1000 });
    const subscription = stream.on('notification').subscribe();
    const connection = controller.expectConnection('/e');
    connection.open();
    for (let i = 0; i < 5; i++) {
      scheduler.tick(900);
      connection.emit('notification', { title: `${i}` });
    }
    expect(stream.state().status).toBe('open');
    scheduler.tick(1000);
    expect(stream.state().status).toBe('reconnecting');
    subscription.unsubscribe();
  });

  it('retries at once when the browser comes back online', () => {
    const { client, controller, scheduler } = setup();
    const stream = client.stream<TestEvents>('/e', { transport: 'fetch' });
    const subscription = stream.on('notification').subscribe();
    controller.expectConnection('/e').fail();
    controller.expectNone('/e');
    window.dispatchEvent(new Event('online'));
    const retry = controller.expectConnection('/e');
    expect(scheduler.pending()).toEqual([]);
    retry.open();
    expect(stream.state().status).toBe('open');
    subscription.unsubscribe();
  });

  it('suspends the heartbeat timeout while paused (hidden page), and resumes it after', () => {
    const page = standInDocument();
    const { client, controller, scheduler } = setup(
      [withHeartbeatTimeout(1000)],
      [{ provide: DOCUMENT, useValue: page }],
    );
    const stream = client.stream<TestEvents>('/e', { pauseWhenHidden: true });
    const subscription = stream.on('notification').subscribe();
    const connection = controller.expectConnection('/e');
    connection.open();
    connection.emit('notification', { title: 'a' }, '7');
    page.setHidden(true);
    expect(stream.state()).toEqual({ status: 'paused' });
    expect(connection.cancelled).toBeTrue();
    scheduler.tick(10_000);
    controller.expectNone('/e');
    page.setHidden(false);
    const resumed = controller.expectConnection('/e');
    expect(resumed.request.lastEventId).toBe('7');
    resumed.open();
    expect(stream.state().status).toBe('open');
    scheduler.tick(1000);
    expect(stream.state()).toEqual(jasmine.objectContaining({ reason: 'idle-timeout' }));
    subscription.unsubscribe();
  });
});
