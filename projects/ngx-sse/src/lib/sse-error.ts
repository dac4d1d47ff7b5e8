import type { SseFailure, SseReason } from './reason';

/** Fields of an {@link SseError} besides its reason. */
export interface SseErrorInit {
  /** The stream's URL. */
  readonly url: string;
  /** The attempt that failed, counted since the last one that delivered an event. */
  readonly attempt?: number;
  /** The HTTP status, when the failure was an HTTP answer. */
  readonly status?: number;
  /** The answer's `Retry-After`, in milliseconds, when it had one. */
  readonly retryAfterMs?: number;
  /** What went wrong, in words (also in `message`). */
  readonly detail?: string;
  /** The underlying error, such as a deserializer's `SyntaxError`. */
  readonly cause?: unknown;
}

/**
 * The one error type of `ngx-sse`. A fatal failure errors `on()` subscribers with it, `closed`
 * states carry it, and `errors$` and `diagnostics().lastError` report it; callers branch on
 * `reason` (and `status`) instead of parsing messages.
 *
 * @example
 * stream.on('notification').subscribe({
 *   error: (error: SseError) => {
 *     if (error.reason === 'unauthorized') router.navigate(['/login']);
 *   },
 * });
 */
export class SseError extends Error {
  /** For `instanceof`-free checks, as `Error` subclasses do. */
  override readonly name = 'SseError';
  /** Why: one word of the {@link SseReason} union, to branch on. */
  readonly reason: SseReason;
  /** The stream's URL. */
  readonly url: string;
  /** The attempt that failed (0 when none had started). */
  readonly attempt: number;
  /** The HTTP status, when the failure was an HTTP answer. */
  readonly status?: number;
  /**
   * The answer's `Retry-After`, in milliseconds (a 429 or 503 that says when to come back), so a
   * stream that stopped on it (a POST, which does not reconnect) can tell the user how long.
   */
  readonly retryAfterMs?: number;
  /** What went wrong, in words, when there is more to say than the reason. */
  readonly detail?: string;

  constructor(reason: SseReason, init: SseErrorInit) {
    const status = init.status ? ` ${init.status}` : '';
    const detail = init.detail ? `: ${init.detail}` : '';
    // No attempt had started for errors such as `invalid-request` and `parse`: no "attempt 0".
    const attempt = init.attempt ? `, attempt ${init.attempt}` : '';
    super(`ngx-sse: ${reason}${status}${detail} (${init.url}${attempt})`, {
      cause: init.cause,
    });
    this.reason = reason;
    this.url = init.url;
    this.attempt = init.attempt ?? 0;
    this.status = init.status;
    this.retryAfterMs = init.retryAfterMs;
    this.detail = init.detail;
  }
}

/**
 * The error for a failed attempt; `null` when the server ended the stream on purpose: a normal
 * end of the body (`ended`), or a 204 (`no-content`, "no more": a clean close, which completes
 * subscribers as rxjs `webSocket` does on a normal closure).
 */
export function failureError(failure: SseFailure, url: string, attempt: number): SseError | null {
  const { reason, status, retryAfterMs, detail } = failure;
  return reason === 'ended' || reason === 'no-content'
    ? null
    : new SseError(reason, { url, attempt, status, retryAfterMs, detail });
}
