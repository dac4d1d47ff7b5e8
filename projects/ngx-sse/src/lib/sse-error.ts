import type { SseFailure, SseReason } from './reason';

/** Fields of an {@link SseError} besides its reason. */
export interface SseErrorInit {
  readonly url: string;
  readonly attempt?: number;
  readonly status?: number;
  readonly detail?: string;
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
  override readonly name = 'SseError';
  readonly url: string;
  readonly attempt: number;
  readonly status?: number;

  constructor(
    readonly reason: SseReason,
    init: SseErrorInit,
  ) {
    const status = init.status ? ` ${init.status}` : '';
    const detail = init.detail ? `: ${init.detail}` : '';
    super(`ngx-sse: ${reason}${status}${detail} (${init.url}, attempt ${init.attempt ?? 0})`, {
      cause: init.cause,
    });
    this.url = init.url;
    this.attempt = init.attempt ?? 0;
    this.status = init.status;
  }
}

/** The error for a failed attempt; `null` for a normal end of stream, which is no error. */
export function failureError(failure: SseFailure, url: string, attempt: number): SseError | null {
  const { reason, status, detail } = failure;
  return reason === 'ended' ? null : new SseError(reason, { url, attempt, status, detail });
}
