/**
 * A classified failure of one connection attempt, as a backend reports it.
 *
 * - `network`: dropped or unreachable; `browserRetrying` when a native EventSource is already
 *   reconnecting by itself.
 * - `refused`: a native EventSource gave up (non-200 status or wrong MIME type; it cannot tell).
 * - `http`: an HTTP status other than 200, with `Retry-After` in ms when the server sent one.
 * - `content-type`: a 200 that is not `text/event-stream`.
 * - `ended`: the server ended the body normally; per the spec the client reconnects.
 * - `idle-timeout`: nothing arrived within the heartbeat timeout.
 * - `too-large`: one event exceeded the maximum size.
 *
 * @example
 * handlers.error({ kind: 'http', status: 503, retryAfterMs: 2000 });
 */
export type SseFailure =
  | { readonly kind: 'network'; readonly browserRetrying?: boolean }
  | { readonly kind: 'refused' }
  | { readonly kind: 'http'; readonly status: number; readonly retryAfterMs?: number }
  | { readonly kind: 'content-type'; readonly contentType: string }
  | { readonly kind: 'ended' }
  | { readonly kind: 'idle-timeout' }
  | { readonly kind: 'too-large' };

/**
 * Backoff settings: exponential with full jitter, capped, floored by the server's `retry:`.
 *
 * @example
 * provideSse(withReconnect({ initialDelayMs: 500, maxDelayMs: 10_000, maxAttempts: 8 }))
 */
export interface SseReconnectOptions {
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
  readonly multiplier: number;
  /** Attempts before giving up; `Infinity` (the default) never gives up. */
  readonly maxAttempts: number;
  /** After this long open, the next failure counts as attempt 1 again. */
  readonly resetAfterMs: number;
}

/** What to do after a failure. */
export type SseReconnectDecision =
  | { readonly action: 'retry'; readonly delayMs: number; readonly reason: string }
  | { readonly action: 'stop'; readonly reason: string };

/**
 * Decides what follows a failure. Must be pure: time and randomness come in as arguments.
 *
 * @example
 * const never: SseReconnectPolicy = (failure) => ({ action: 'stop', reason: failure.kind });
 */
export type SseReconnectPolicy = (
  failure: SseFailure,
  attempt: number,
  serverRetryMs: number,
  options: SseReconnectOptions,
  random: () => number,
) => SseReconnectDecision;

/** Defaults: 1 s doubling to 30 s, unlimited attempts, reset after 10 s healthy. */
export const DEFAULT_RECONNECT: SseReconnectOptions = {
  initialDelayMs: 1000,
  maxDelayMs: 30_000,
  multiplier: 2,
  maxAttempts: Infinity,
  resetAfterMs: 10_000,
};

const RETRY_STATUSES = [429, 502, 503, 504];

/**
 * The default policy. Server-side exhaustion and network trouble retry; answers that will not
 * change by themselves (204, 401/403, other 4xx, a wrong content type) stop.
 *
 * | failure                     | decision                                    |
 * | --------------------------- | ------------------------------------------- |
 * | network, refused, ended     | retry with backoff                          |
 * | idle-timeout                | retry with backoff                          |
 * | 429, 502, 503, 504          | retry, `Retry-After` as the floor           |
 * | other 5xx                   | retry with backoff                          |
 * | 204                         | stop `no-content`                           |
 * | 401, 403                    | stop `unauthorized`                         |
 * | other 4xx                   | stop `http-<status>`                        |
 * | content-type                | stop `bad-content-type`                     |
 * | too-large                   | stop `too-large`                            |
 * | attempt > maxAttempts       | stop `max-attempts`                         |
 *
 * @example
 * reconnectPolicy({ kind: 'http', status: 503 }, 2, 0, DEFAULT_RECONNECT, () => 1);
 * // → { action: 'retry', delayMs: 2000, reason: 'http-503' }
 */
export const reconnectPolicy: SseReconnectPolicy = (
  failure,
  attempt,
  serverRetryMs,
  options,
  random,
) => {
  const reason = failureReason(failure);
  let floor = serverRetryMs;
  if (failure.kind === 'http') {
    const { status } = failure;
    if (
      status === 204 ||
      status === 401 ||
      status === 403 ||
      (status < 500 && !RETRY_STATUSES.includes(status))
    ) {
      return { action: 'stop', reason };
    }
    floor = Math.max(floor, failure.retryAfterMs ?? 0);
  } else if (failure.kind === 'content-type' || failure.kind === 'too-large') {
    return { action: 'stop', reason };
  }
  if (attempt > options.maxAttempts) return { action: 'stop', reason: 'max-attempts' };
  const ceiling = Math.min(
    options.maxDelayMs,
    options.initialDelayMs * options.multiplier ** Math.max(0, attempt - 1),
  );
  return { action: 'retry', delayMs: Math.max(floor, Math.round(random() * ceiling)), reason };
};

/** A short, stable name for a failure, used as the state's `reason`. */
export function failureReason(failure: SseFailure): string {
  if (failure.kind !== 'http')
    return failure.kind === 'content-type' ? 'bad-content-type' : failure.kind;
  const { status } = failure;
  return status === 204
    ? 'no-content'
    : status === 401 || status === 403
      ? 'unauthorized'
      : `http-${status}`;
}
