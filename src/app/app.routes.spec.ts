import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';

import { routes } from './app.routes';
import { Session } from './core/session';
import { provideLiveTesting } from './testing/live-testing';

describe('routes', () => {
  async function visitSignedIn(url: string): Promise<string> {
    TestBed.configureTestingModule({ providers: [provideLiveTesting(), provideRouter(routes)] });
    TestBed.inject(Session).user.set('alice');
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url);
    return TestBed.inject(Router).url;
  }

  it('sends a signed-in visit to the login page where it would have led', async () => {
    expect(await visitSignedIn('/login?returnUrl=%2Fdiagnostics')).toBe('/diagnostics');
  });

  it('to the overview without a returnUrl', async () => {
    expect(await visitSignedIn('/login')).toBe('/');
  });

  it('to the overview with a returnUrl that leaves the app', async () => {
    expect(await visitSignedIn('/login?returnUrl=%2F%2Fevil.example')).toBe('/');
  });
});
