import { InjectionToken } from '@angular/core';

import type { SseUnauthorizedHandler } from './config';
import type { SseHeaders } from './options';

/**
 * Settings of `withFetchTransport()`: defaults for every fetch stream, and whether fetch becomes
 * the transport of streams that do not name one.
 *
 * @example
 * withFetchTransport({ headers: () => ({ Authorization: `Bearer ${auth.token()}` }), onUnauthorized: refresh })
 */
export interface SseFetchDefaults {
  /** Sent on every attempt of every fetch stream; a stream's own headers add to these. */
  readonly headers?: SseHeaders;
  /** Fetch's `credentials` for every fetch stream; a stream's own setting wins. */
  readonly credentials?: RequestCredentials;
  /** See {@link SseUnauthorizedHandler}; the core runs it, so the retry shows in the state. */
  readonly onUnauthorized?: SseUnauthorizedHandler;
  /** Make fetch the default transport (true unless set to false). */
  readonly default?: boolean;
}

/**
 * The default fetch settings, from `withFetchTransport(options)` (internal: apps pass them there).
 *
 * @example
 * provideSse(withFetchTransport({ credentials: 'include' })); // fills this token
 */
export const SSE_FETCH_OPTIONS = new InjectionToken<SseFetchDefaults>(
  typeof ngDevMode === 'undefined' || ngDevMode ? 'SSE_FETCH_OPTIONS' : '',
  { providedIn: 'root', factory: () => ({}) },
);
