import type { SseFailure, SseReason } from './reason';

/**
 * Backoff settings: exponential with full jitter, capped, floored by the server's `retry:`.
 *
 * @example
 * provideSse(withReconnect({ initialDelayMs: 500, maxDelayMs: 10_000, maxAttempts: 8 }))
 */
export interface SseReconnectOptions {
  /** The longest delay of the first retry (default 1,000 ms); jitter picks up to it. */
  readonly initialDelayMs: number;
  /** The cap of the backoff (default 30,000 ms); a server's `retry:` may exceed it. */
  readonly maxDelayMs: number;
  /** Growth per attempt (default 2). */
  readonly multiplier: number;
  /**
   * Retries in a row before giving up: the failure after them stops the stream (`max-attempts`).
   * `maxAttempts: 2` against a server that always fails makes 3 requests, and the stopping
   * `SseError` has `attempt` 3. `Infinity` (the default) never gives up.
   */
  readonly maxAttempts: number;
  /**
   * After this long open, the next failure counts as attempt 1 again (so does a delivered event:
   * a connection that works does not inherit earlier failures' delays).
   */
  readonly resetAfterMs: number;
}

/**
 * What to do after a failure.
 *
 * @example
 * const decision: SseReconnectDecision = { action: 'retry', delayMs: 1000, reason: 'network' };
 */
export type SseReconnectDecision =
  | { readonly action: 'retry'; readonly delayMs: number; readonly reason: SseReason }
  | { readonly action: 'stop'; readonly reason: SseReason };

/**
 * Decides what follows a failure. Must be pure: time and randomness come in as arguments.
 *
 * @example
 * const never: SseReconnectPolicy = (failure) => ({ action: 'stop', reason: failure.reason });
 */
export type SseReconnectPolicy = (
  failure: SseFailure,
  attempt: number,
  serverRetryMs: number,
  options: SseReconnectOptions,
  random: () => number,
) => SseReconnectDecision;

/**
 * Defaults: 1 s doubling to 30 s, unlimited attempts, reset after 10 s healthy.
 *
 * @example
 * withReconnect({ ...DEFAULT_RECONNECT, maxAttempts: 5 })
 */
export const DEFAULT_RECONNECT: SseReconnectOptions = {
  initialDelayMs: 1000,
  maxDelayMs: 30_000,
  multiplier: 2,
  maxAttempts: Infinity,
  resetAfterMs: 10_000,
};

// Server-side exhaustion: worth retrying, with the server's Retry-After as the floor.
const RETRY_STATUSES = [429, 502, 503, 504];
const FATAL: readonly SseReason[] = [
  'no-content',
  'unauthorized',
  'bad-content-type',
  'too-large',
  'invalid-request',
];

/**
 * The default policy. Server-side exhaustion and network trouble retry; answers that will not
 * change by themselves stop.
 *
 * | failure                                       | decision                          |
 * | --------------------------------------------- | --------------------------------- |
 * | network, refused, ended, idle-timeout         | retry with backoff                |
 * | http 429, 502, 503, 504                       | retry, `Retry-After` as the floor |
 * | other http 5xx                                | retry with backoff                |
 * | other http 4xx                                | stop `http`                       |
 * | no-content, unauthorized, bad-content-type, too-large | stop, same reason         |
 * | attempt > maxAttempts                         | stop `max-attempts`               |
 *
 * @example
 * reconnectPolicy({ reason: 'http', status: 503 }, 2, 0, DEFAULT_RECONNECT, () => 1);
 * // → { action: 'retry', delayMs: 2000, reason: 'http' }
 */
export const reconnectPolicy: SseReconnectPolicy = (
  failure,
  attempt,
  serverRetryMs,
  options,
  random,
) => {
  const { reason, status = 0 } = failure;
  if (
    FATAL.includes(reason) ||
    (reason === 'http' && status < 500 && !RETRY_STATUSES.includes(status))
  ) {
    return { action: 'stop', reason };
  }
  if (attempt > options.maxAttempts) return { action: 'stop', reason: 'max-attempts' };
  const ceiling = Math.min(
    options.maxDelayMs,
    options.initialDelayMs * options.multiplier ** Math.max(0, attempt - 1),
  );
  const floor = Math.max(serverRetryMs, failure.retryAfterMs ?? 0);
  return { action: 'retry', delayMs: Math.max(floor, Math.round(random() * ceiling)), reason };
};
