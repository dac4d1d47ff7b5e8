import { DestroyRef, type EnvironmentInjector, runInInjectionContext } from '@angular/core';

/**
 * Runs functions in `injector`'s injection context while it lives, and plainly once it is
 * destroyed: a stream can outlive the lazy route that configured it (a linger, a stream held by
 * another injector), and a header function or 401 handler that injects nothing must go on
 * working then, not fail every attempt with NG0205.
 *
 * @example
 * const inContext = liveContext(inject(EnvironmentInjector));
 * inContext(() => inject(AuthService).token());
 */
export function liveContext(injector: EnvironmentInjector): <T>(fn: () => T) => T {
  let live = true;
  injector.get(DestroyRef).onDestroy(() => (live = false));
  return (fn) => (live ? runInInjectionContext(injector, fn) : fn());
}
