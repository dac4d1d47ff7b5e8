import type { Router, UrlTree } from '@angular/router';

const LOGIN = '/login';

/**
 * Where a sign-in may send the user back to: an in-app path (never another origin, nor the
 * login page itself), else the overview.
 *
 * @example
 * returnTarget('/jobs?x=1'); // '/jobs?x=1'
 * returnTarget('//evil.example'); // '/'
 */
export function returnTarget(url: string | null | undefined): string {
  const inApp = !!url && url.startsWith('/') && !url.startsWith('//') && !url.startsWith('/\\');
  return inApp && url !== LOGIN && !url.startsWith(`${LOGIN}?`) ? url : '/';
}

/**
 * The login page, remembering the page the user was on or asked for (a deep link, a page whose
 * session expired), so signing in leads back there instead of to the overview.
 *
 * @example
 * const signedIn: CanActivateFn = (_, state) =>
 *   inject(Session).user() !== null || toLogin(inject(Router), state.url);
 */
export function toLogin(router: Router, from: string): UrlTree {
  const target = returnTarget(from);
  return router.createUrlTree([LOGIN], {
    queryParams: target === '/' ? {} : { returnUrl: target },
  });
}
