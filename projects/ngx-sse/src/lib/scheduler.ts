import { InjectionToken, NgZone, inject } from '@angular/core';

/**
 * Time and randomness as the library sees them. Swap it in tests for deterministic backoff,
 * jitter and idle timeouts.
 *
 * @example
 * providers: [{ provide: SSE_SCHEDULER, useValue: { ...fakeClock, random: () => 0.5 } }]
 */
export interface SseScheduler {
  /** The time in epoch ms, as `Date.now()`. */
  now(): number;
  /** A number in [0, 1), as `Math.random()`: the backoff jitter. */
  random(): number;
  /** Runs `callback` after `ms`; returns a handle for `clearTimeout`. */
  setTimeout(callback: () => void, ms: number): unknown;
  /** Cancels a pending `setTimeout` by its handle. */
  clearTimeout(handle: unknown): void;
}

/**
 * The scheduler used for backoff, linger and heartbeat timers. Defaults to the globals, with
 * timers outside the Angular zone: a pending reconnect or heartbeat must not keep the app from
 * becoming stable.
 */
export const SSE_SCHEDULER = new InjectionToken<SseScheduler>(
  typeof ngDevMode === 'undefined' || ngDevMode ? 'SSE_SCHEDULER' : '',
  {
    providedIn: 'root',
    factory: () => {
      const zone = inject(NgZone);
      return {
        now: Date.now,
        random: Math.random,
        setTimeout: (callback, ms) => zone.runOutsideAngular(() => setTimeout(callback, ms)),
        clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
      };
    },
  },
);

/**
 * Cancels the timer `handle` if there is one; returns the `null` to store in its place.
 *
 * @example
 * this.retryTimer = clearTimer(scheduler, this.retryTimer);
 */
export function clearTimer(scheduler: SseScheduler, handle: unknown): null {
  if (handle !== null) scheduler.clearTimeout(handle);
  return null;
}
