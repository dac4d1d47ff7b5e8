import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { SseTestingController } from 'ngx-sse/testing';

import { LiveStream } from './live-stream';
import { Session } from './session';
import { provideLiveTesting } from '../testing/live-testing';

describe('LiveStream', () => {
  let session: Session;
  let live: LiveStream;
  let sse: SseTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [...provideLiveTesting()],
    });
    session = TestBed.inject(Session);
    live = TestBed.inject(LiveStream);
    sse = TestBed.inject(SseTestingController);
  });

  // Runs the effects that open and close the stream.
  const flushEffects = () => TestBed.tick();

  it('opens /api/events after login, over the fetch transport with the heartbeat timeout', () => {
    const received: string[] = [];
    live.on('notification').subscribe(({ data }) => received.push(data.title));
    flushEffects();
    sse.expectNone('/api/events');

    session.user.set('alice');
    flushEffects();
    const connection = sse.expectConnection('/api/events');
    connection.open();
    connection.emit('notification', {
      id: '1',
      level: 'INFO',
      title: 'hi',
      message: '',
      createdAt: '',
    });
    expect(received).toEqual(['hi']);
    expect(live.state()).toEqual({ status: 'open' });
  });

  it('closes on logout at once, keeping the handle so diagnostics show the teardown', () => {
    live.on('notification').subscribe();
    session.user.set('alice');
    flushEffects();
    const connection = sse.expectConnection('/api/events');
    connection.open();
    session.user.set(null);
    flushEffects();
    expect(connection.cancelled).toBeTrue();
    expect(live.state()).toEqual({ status: 'closed', reason: 'closed' });
    expect(live.diagnostics()?.log.at(-1)?.state).toEqual({ status: 'closed', reason: 'closed' });
  });

  it('reopens with new settings', () => {
    live.on('metric').subscribe();
    session.user.set('alice');
    flushEffects();
    const first = sse.expectConnection('/api/events');
    live.configure('native', 0);
    expect(first.cancelled).toBeTrue();
    expect(sse.expectConnection('/api/events').cancelled).toBeFalse();
    expect(live.transport()).toBe('native');
  });

  it('on 401 checks the session and, if it is gone, sends the user to /login with a notice', async () => {
    const navigate = spyOn(TestBed.inject(Router), 'navigate').and.resolveTo(true);
    live.on('notification').subscribe();
    session.user.set('alice');
    flushEffects();
    sse.expectConnection('/api/events').fail({ status: 401 });
    flushEffects();
    TestBed.inject(HttpTestingController)
      .expectOne('/api/session')
      .flush({ error: 'Unauthorized' }, { status: 401, statusText: 'Unauthorized' });
    await new Promise((resolve) => setTimeout(resolve));
    expect(session.user()).toBeNull();
    expect(session.notice()).toContain('expired');
    expect(navigate).toHaveBeenCalledWith(['/login']);
  });
});
