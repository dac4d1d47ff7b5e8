import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import { LOGGED_OUT_ELSEWHERE, Session } from './session';
import { SignInChannel } from './sign-in-channel';

describe('Session', () => {
  let session: Session;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    session = TestBed.inject(Session);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function restoreWith(body: object, status = 200): Promise<boolean> {
    const restored = session.restore();
    http
      .expectOne({ method: 'GET', url: '/api/session' })
      .flush(body, { status, statusText: status === 200 ? 'OK' : 'Error' });
    return restored;
  }

  it('restores the signed-in user the server reports', async () => {
    expect(await restoreWith({ username: 'bob' })).toBeTrue();
    expect(session.user()).toBe('bob');
  });

  it('reads a null user as signed out: a 200, so the first load logs no failed request', async () => {
    session.user.set('stale');
    expect(await restoreWith({ username: null })).toBeFalse();
    expect(session.user()).toBeNull();
  });

  describe('across tabs', () => {
    let otherTab: BroadcastChannel;
    beforeEach(() => (otherTab = new BroadcastChannel('sse-dashboard.sign-in')));
    afterEach(() => otherTab.close());

    /** The session probe the message from the other tab starts (messages arrive in a task). */
    async function probeAfterMessage() {
      otherTab.postMessage('signed-in');
      for (let tries = 0; tries < 50; tries++) {
        const [probe] = http.match({ method: 'GET', url: '/api/session' });
        if (probe) return probe;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      throw new Error('no session probe after the sign-in message');
    }

    it('follows a sign-in made in another tab, as the server confirms it', async () => {
      session.notice.set(
        'Your session has ended: it expired, or the server restarted. Please sign in again.',
      );
      (await probeAfterMessage()).flush({ username: 'carol' });
      await new Promise((resolve) => setTimeout(resolve));
      expect(session.user()).toBe('carol');
      expect(session.notice()).toBeNull();
    });

    it('stays signed out when the server does not confirm it', async () => {
      (await probeAfterMessage()).flush({ username: null });
      await new Promise((resolve) => setTimeout(resolve));
      expect(session.user()).toBeNull();
    });

    it('says a session ended by a logout in another tab was logged out, not expired', async () => {
      session.user.set('erin');
      // Heard after the session's own listener, which was added first.
      const heard = new Promise((resolve) =>
        TestBed.inject(SignInChannel).listen(
          () => undefined,
          () => resolve(undefined),
        ),
      );
      otherTab.postMessage('signed-out');
      await heard;
      session.expire(
        'Your session has ended: it expired, or the server restarted. Please sign in again.',
      );
      expect(session.notice()).toBe(LOGGED_OUT_ELSEWHERE);
      expect(session.user()).toBeNull();
      // The reason is used once: a later expiry is an expiry.
      session.user.set('erin');
      session.expire(
        'Your session has ended: it expired, or the server restarted. Please sign in again.',
      );
      expect(session.notice()).toContain('expired');
    });

    it('tells the other tabs after logging out here', async () => {
      session.user.set('frank');
      const heard = new Promise((resolve) => (otherTab.onmessage = ({ data }) => resolve(data)));
      const logout = session.logout();
      http
        .expectOne({ method: 'DELETE', url: '/api/session' })
        .flush(null, { status: 204, statusText: 'No Content' });
      await logout;
      expect(await heard).toBe('signed-out');
    });

    it('tells the other tabs after signing in here', async () => {
      const heard = new Promise((resolve) => (otherTab.onmessage = ({ data }) => resolve(data)));
      const login = session.login('dave');
      http.expectOne({ method: 'POST', url: '/api/session' }).flush({ username: 'dave' });
      await login;
      expect(await heard).toBe('signed-in');
    });
  });

  it('starts signed out when the server cannot answer', async () => {
    expect(await restoreWith({ error: 'internal-error', detail: 'x' }, 500)).toBeFalse();
    expect(session.user()).toBeNull();
  });
});
