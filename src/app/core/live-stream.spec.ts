import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, type UrlTree } from '@angular/router';
import { SSE_SCHEDULER } from 'ngx-sse';
import { FakeSseScheduler, SseTestingController } from 'ngx-sse/testing';

import { JobStore } from './job-store';
import { DEFAULT_HEARTBEAT_TIMEOUT_MS, LiveStream } from './live-stream';
import { NotificationStore } from './notification-store';
import { Session } from './session';
import { provideLiveTesting } from '../testing/live-testing';

describe('LiveStream', () => {
  let session: Session;
  let live: LiveStream;
  let sse: SseTestingController;
  let scheduler: FakeSseScheduler;

  beforeEach(() => {
    scheduler = new FakeSseScheduler();
    TestBed.configureTestingModule({
      providers: [...provideLiveTesting(), { provide: SSE_SCHEDULER, useValue: scheduler }],
    });
    session = TestBed.inject(Session);
    live = TestBed.inject(LiveStream);
    sse = TestBed.inject(SseTestingController);
  });

  // Runs the effects that start and stop the resources.
  const flushEffects = () => TestBed.tick();

  it('is idle while signed out and opens /api/events over fetch with the heartbeat timeout after login', () => {
    flushEffects();
    sse.expectNone('/api/events');
    expect(live.state()).toEqual({ status: 'idle' });

    session.user.set('alice');
    flushEffects();
    const connection = sse.expectConnection('/api/events');
    expect(connection.request.transport).toBe('fetch');
    connection.open();
    expect(live.state()).toEqual({ status: 'open' });
  });

  it('by default gives up on a stream silent for 2 s (idle-timeout); heartbeat comments keep it open', () => {
    expect(DEFAULT_HEARTBEAT_TIMEOUT_MS).toBe(2000);
    session.user.set('alice');
    flushEffects();
    const connection = sse.expectConnection('/api/events');
    connection.open();
    scheduler.tick(1500);
    connection.comment('heartbeat');
    scheduler.tick(1999);
    expect(live.state()).toEqual({ status: 'open' });
    scheduler.tick(1);
    expect(live.state()).toEqual(
      jasmine.objectContaining({ status: 'reconnecting', reason: 'idle-timeout' }),
    );
  });

  it('closes on logout at once, keeping the state so diagnostics show the teardown', () => {
    session.user.set('alice');
    flushEffects();
    const connection = sse.expectConnection('/api/events');
    connection.open();
    session.user.set(null);
    flushEffects();
    expect(connection.cancelled).toBeTrue();
    expect(live.state()).toEqual({ status: 'closed', reason: 'closed', error: null });
    expect(live.diagnostics()?.log.at(-1)?.state.status).toBe('closed');
  });

  it('reopens with new settings, on the native transport', () => {
    session.user.set('alice');
    flushEffects();
    const first = sse.expectConnection('/api/events');
    live.configure('eventsource', 0);
    flushEffects();
    expect(first.cancelled).toBeTrue();
    const next = sse.expectConnection('/api/events');
    expect(next.cancelled).toBeFalse();
    expect(next.request.transport).toBe('eventsource');
    expect(live.transport()).toBe('eventsource');
  });

  it('on 401 checks the session and, if it is gone, sends the user to /login with a notice', async () => {
    const router = TestBed.inject(Router);
    const navigate = spyOn(router, 'navigateByUrl').and.resolveTo(true);
    session.user.set('alice');
    flushEffects();
    sse.expectConnection('/api/events').fail({ status: 401 });
    flushEffects();
    TestBed.inject(HttpTestingController).expectOne('/api/session').flush({ username: null });
    await new Promise((resolve) => setTimeout(resolve));
    expect(session.user()).toBeNull();
    expect(session.notice()).toContain('expired');
    expect(router.serializeUrl(navigate.calls.mostRecent().args[0] as UrlTree)).toBe('/login');
  });

  it('on 401 keeps the user signed in when the session probe itself fails', async () => {
    const navigate = spyOn(TestBed.inject(Router), 'navigateByUrl').and.resolveTo(true);
    session.user.set('alice');
    flushEffects();
    sse.expectConnection('/api/events').fail({ status: 401 });
    flushEffects();
    TestBed.inject(HttpTestingController)
      .expectOne('/api/session')
      .flush({ error: 'internal-error' }, { status: 500, statusText: 'Server Error' });
    await new Promise((resolve) => setTimeout(resolve));
    expect(session.user()).toBe('alice');
    expect(navigate).not.toHaveBeenCalled();
  });

  it('a stream that stops for good (204) leaves the stores readable, with what they had', async () => {
    const notifications = TestBed.inject(NotificationStore);
    const jobs = TestBed.inject(JobStore);
    session.user.set('alice');
    flushEffects();
    TestBed.inject(HttpTestingController)
      .match(() => true)
      .forEach((request) =>
        request.flush(request.request.url.endsWith('jobs') ? { jobs: [] } : { items: [] }),
      );
    const connection = sse.expectConnection('/api/events');
    connection.open();
    connection.emit(
      'notification',
      { id: 'n1', level: 'INFO', title: 'kept', message: '', createdAt: 'x' },
      '1',
    );
    // The answer that stops it comes later, as a 204 to a reconnect does.
    await new Promise((resolve) => setTimeout(resolve));
    flushEffects();
    // It drops, and the server answers the reconnect with a 204.
    connection.fail();
    scheduler.tick(1000);
    sse.expectConnection('/api/events').fail({ status: 204 });
    flushEffects();
    expect(live.state()).toEqual(
      jasmine.objectContaining({ status: 'closed', reason: 'no-content' }),
    );
    expect(notifications.items().map((item) => item.title)).toEqual(['kept']);
    expect(() => jobs.jobs()).not.toThrow();
  });

  it('reconnect() opens the stream again after it stopped for good, resuming', async () => {
    session.user.set('alice');
    flushEffects();
    const first = sse.expectConnection('/api/events');
    first.open();
    first.emit('reset', { reason: 'x', lastEventId: '', oldestAvailableId: null }, 'e-9');
    first.fail(); // it drops, and the server answers the reconnect with a 204
    scheduler.tick(1000);
    sse.expectConnection('/api/events').fail({ status: 204 });
    expect(live.state().status).toBe('closed');
    live.reconnect();
    flushEffects();
    const again = sse.expectConnection('/api/events');
    expect(again.request.lastEventId).toBe('e-9');
  });
});
