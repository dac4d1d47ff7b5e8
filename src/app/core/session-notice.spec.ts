import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import { Session } from './session';
import { SignInChannel } from './sign-in-channel';

describe('Session: the logged-out-elsewhere notice', () => {
  let session: Session;
  let http: HttpTestingController;
  let otherTab: BroadcastChannel;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    session = TestBed.inject(Session);
    http = TestBed.inject(HttpTestingController);
    otherTab = new BroadcastChannel('sse-dashboard.sign-in');
  });
  afterEach(() => {
    otherTab.close();
    http.verify();
  });

  const heard = (event: 'signed-in' | 'signed-out') =>
    new Promise<void>((resolve) =>
      TestBed.inject(SignInChannel).listen(
        () => event === 'signed-in' && resolve(),
        () => event === 'signed-out' && resolve(),
      ),
    );

  it('is forgotten when another tab signs in again, so a later expiry says it expired', async () => {
    session.user.set('erin');
    const out = heard('signed-out');
    otherTab.postMessage('signed-out');
    await out;
    // The other tab signs straight back in; this tab's stream reconnects with the shared,
    // new cookie and never sees a 401, so it never calls expire() for that logout.
    const back = heard('signed-in');
    otherTab.postMessage('signed-in');
    await back;
    // This tab is still signed in: it asks nothing.
    expect(http.match({ method: 'GET', url: '/api/session' }).length).toBe(0);
    // Much later the session really expires (idle timeout, server restart):
    session.expire(
      'Your session has ended: it expired, or the server restarted. Please sign in again.',
    );
    expect(session.notice()).toBe(
      'Your session has ended: it expired, or the server restarted. Please sign in again.',
    );
  });
});
