import { Component, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { TestBed } from '@angular/core/testing';
import { SseClient, type SseHeaders } from 'ngx-sse';
import type { Subscription } from 'rxjs';

import { type TestEvents, setup } from './testing.spec-helper';

// Each component writes its options inline, as the README does: equal by value, not by identity.
@Component({ selector: 'sse-inbox', template: '{{ latest()?.data?.title }}' })
class Inbox {
  readonly latest = toSignal(
    inject(SseClient)
      .stream<TestEvents>('/api/events', { withCredentials: true, heartbeatTimeoutMs: 45_000 })
      .on('notification'),
  );
}

@Component({ selector: 'sse-badge', template: '{{ latest()?.data?.title }}' })
class Badge {
  readonly latest = toSignal(
    inject(SseClient)
      .stream<TestEvents>('/api/events', { heartbeatTimeoutMs: 45_000, withCredentials: true })
      .on('notification'),
  );
}

describe('SseClient: sharing by value', () => {
  it('two components with equal inline GET options share one connection', () => {
    const { controller } = setup();
    const inbox = TestBed.createComponent(Inbox);
    const badge = TestBed.createComponent(Badge);
    const connection = controller.expectConnection('/api/events');
    controller.verify();
    connection.open();
    connection.emit('notification', { title: 'hi' });
    inbox.detectChanges();
    badge.detectChanges();
    expect(inbox.nativeElement.textContent).toBe('hi');
    expect(badge.nativeElement.textContent).toBe('hi');
    inbox.destroy();
    expect(connection.cancelled).toBeFalse();
    badge.destroy();
    expect(connection.cancelled).toBeTrue();
  });

  it('never shares two equal POST streams', () => {
    const { client, controller } = setup();
    const post = () =>
      client
        .stream('/api/chat', { transport: 'fetch', method: 'POST', body: '{"prompt":"hi"}' })
        .on('token')
        .subscribe();
    const subs = [post(), post()];
    expect(controller.match('/api/chat').length).toBe(2);
    subs.forEach((s) => s.unsubscribe());
  });

  it('shares non-GET streams with an equal shareKey, and only those', () => {
    const { client, controller } = setup();
    const post = (shareKey: string) =>
      client
        .stream('/api/chat', { transport: 'fetch', method: 'POST', body: 'x', shareKey })
        .on('token')
        .subscribe();
    const subs = [post('session-1'), post('session-1'), post('session-2')];
    expect(controller.match('/api/chat').length).toBe(2);
    subs.forEach((s) => s.unsubscribe());
  });

  it('compares header functions by identity and static headers by value', () => {
    const { client, controller } = setup();
    const token: SseHeaders = () => ({ Authorization: 'Bearer 1' });
    const open = (url: string, headers: SseHeaders): Subscription =>
      client.stream(url, { transport: 'fetch', headers }).on('x').subscribe();
    const subs = [
      open('/same-fn', token),
      open('/same-fn', token),
      open('/other-fn', () => ({ Authorization: 'Bearer 1' })),
      open('/other-fn', () => ({ Authorization: 'Bearer 1' })),
      open('/static', { 'X-A': '1', 'X-B': '2' }),
      open('/static', [
        ['x-b', '2'],
        ['x-a', '1'],
      ]),
    ];
    expect(controller.match('/same-fn').length).toBe(1);
    expect(controller.match('/other-fn').length).toBe(2);
    expect(controller.match('/static').length).toBe(1);
    subs.forEach((s) => s.unsubscribe());
  });
});
