import { type SseFailure, failureReason } from './policy';

/**
 * What went wrong, in the terms a caller can act on.
 *
 * - `network`: the connection failed or dropped without an HTTP answer.
 * - `http`: the server answered with a status the policy does not accept (see `status`).
 * - `content-type`: the response was not `text/event-stream`.
 * - `parse`: one event's payload could not be deserialized; the stream goes on.
 * - `idle-timeout`: nothing arrived within the heartbeat timeout.
 * - `too-large`: one event exceeded the configured maximum size.
 * - `unauthorized`: the server answered 401 or 403.
 */
export type SseErrorKind =
  'network' | 'http' | 'content-type' | 'parse' | 'idle-timeout' | 'too-large' | 'unauthorized';

/** Fields of an {@link SseError} besides its kind and message. */
export interface SseErrorInit {
  url: string;
  attempt: number;
  status?: number;
  cause?: unknown;
}

/**
 * The one error type of `ngx-sse`: every failure the library reports is an `SseError`, so
 * callers branch on `kind` instead of parsing messages.
 *
 * @example
 * stream.diagnostics$.subscribe(({ lastError }) => {
 *   if (lastError?.kind === 'http' && lastError.status === 503) showBanner('Server busy');
 * });
 */
export class SseError extends Error {
  override readonly name = 'SseError';
  readonly url: string;
  readonly attempt: number;
  readonly status?: number;

  constructor(
    readonly kind: SseErrorKind,
    detail: string,
    init: SseErrorInit,
  ) {
    super(`ngx-sse: ${detail} (${kind}, ${init.url}, attempt ${init.attempt})`, {
      cause: init.cause,
    });
    this.url = init.url;
    this.attempt = init.attempt;
    this.status = init.status;
  }
}

/**
 * The typed error for a backend failure; `null` for a normal end of stream, which is no error.
 * Its detail is the failure's reason (`http-503`, `idle-timeout`…), as the state shows it.
 */
export function failureError(failure: SseFailure, url: string, attempt: number): SseError | null {
  if (failure.kind === 'ended') return null;
  const reason = failureReason(failure);
  const status = failure.kind === 'http' ? failure.status : undefined;
  const kind =
    reason === 'unauthorized' ? reason : failure.kind === 'refused' ? 'http' : failure.kind;
  const detail = failure.kind === 'content-type' ? `${reason}: ${failure.contentType}` : reason;
  return new SseError(kind, detail, { url, attempt, status });
}
