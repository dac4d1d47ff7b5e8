import { inject } from '@angular/core';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { NavigationError } from '@angular/router';

/**
 * Says why a page did not open, instead of leaving the user where they were with only a console
 * error. Pages load lazily, so with the server down (or a new deployment replacing the chunks)
 * a click on a link fails to fetch the page's code. For `withNavigationErrorHandler`, which
 * runs it in an injection context.
 *
 * @example
 * provideRouter(routes, withNavigationErrorHandler(reportNavigationFailure));
 */
export function reportNavigationFailure({ url, error }: NavigationError): void {
  const unreachable =
    error instanceof TypeError && /dynamically imported module/i.test(error.message);
  const why = unreachable
    ? 'its code could not be downloaded. Is the server reachable? Try again once it is'
    : `${error instanceof Error ? error.message : String(error)}`;
  inject(MatSnackBar).open(`Could not open ${url}: ${why}.`, 'Dismiss', {
    duration: 10_000,
    politeness: 'assertive',
  });
}
