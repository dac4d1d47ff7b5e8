import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import { Session } from './session';

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

  it('starts signed out when the server cannot answer', async () => {
    expect(await restoreWith({ error: 'internal-error', detail: 'x' }, 500)).toBeFalse();
    expect(session.user()).toBeNull();
  });
});
