import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';

import { returnTarget, toLogin } from './login-redirect';

describe('login redirect', () => {
  it('goes back to an in-app page, query and fragment included', () => {
    expect(returnTarget('/jobs')).toBe('/jobs');
    expect(returnTarget('/notifications?x=1#top')).toBe('/notifications?x=1#top');
  });

  it('never leaves the app or loops back to the login page', () => {
    for (const url of [
      undefined,
      null,
      '',
      'jobs',
      '//evil.example/x',
      '/\\evil.example',
      'https://evil.example',
      '/login',
      '/login?returnUrl=%2Fjobs',
    ]) {
      expect(returnTarget(url)).withContext(String(url)).toBe('/');
    }
  });

  it('builds the login URL with the page to return to, and none for the overview', () => {
    TestBed.configureTestingModule({ providers: [provideRouter([])] });
    const router = TestBed.inject(Router);
    expect(router.serializeUrl(toLogin(router, '/diagnostics'))).toBe(
      '/login?returnUrl=%2Fdiagnostics',
    );
    expect(router.serializeUrl(toLogin(router, '/'))).toBe('/login');
  });
});
