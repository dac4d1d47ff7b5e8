import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatSnackBarHarness } from '@angular/material/snack-bar/testing';
import {
  Router,
  provideRouter,
  withNavigationErrorHandler,
  withRouterConfig,
} from '@angular/router';

import { reportNavigationFailure } from './navigation-failure';

@Component({ template: '' })
class Host {}

describe('reportNavigationFailure', () => {
  async function navigateTo(failure: unknown) {
    TestBed.configureTestingModule({
      providers: [
        // As app.config: the handler, and a resolved (not rejected) navigation promise.
        provideRouter(
          [{ path: 'jobs', loadComponent: () => Promise.reject(failure) }],
          withNavigationErrorHandler(reportNavigationFailure),
          withRouterConfig({ resolveNavigationPromiseOnError: true }),
        ),
      ],
    });
    const fixture = TestBed.createComponent(Host);
    const router = TestBed.inject(Router);
    const navigated = await router.navigateByUrl('/jobs');
    const loader = TestbedHarnessEnvironment.documentRootLoader(fixture);
    return { navigated, router, snackBar: await loader.getHarness(MatSnackBarHarness) };
  }

  it("says a page's code could not be downloaded, and stays where the user was", async () => {
    const { navigated, router, snackBar } = await navigateTo(
      new TypeError('Failed to fetch dynamically imported module: http://127.0.0.1/chunk-X.js'),
    );
    expect(navigated).toBeFalse();
    expect(router.url).toBe('/');
    expect(await snackBar.getMessage()).toBe(
      'Could not open /jobs: its code could not be downloaded. Is the server reachable? Try again once it is.',
    );
    expect(await snackBar.getActionDescription()).toBe('Dismiss');
    expect(await snackBar.getAriaLive()).toBe('assertive');
  });

  it('names any other failure', async () => {
    const { snackBar } = await navigateTo(new Error('resolver exploded'));
    expect(await snackBar.getMessage()).toBe('Could not open /jobs: resolver exploded.');
  });
});
