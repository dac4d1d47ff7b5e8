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

// The message for each failure; an HTTP status or content type is appended.
const MESSAGES: Record<Exclude<SseFailure['kind'], 'ended'>, string> = {
  network: 'connection lost',
  refused: 'stream refused',
  http: 'server answered ',
  'content-type': 'not text/event-stream: ',
  'idle-timeout': 'heartbeat timeout',
  'too-large': 'event too large',
};

/** The typed error for a backend failure; `null` for a normal end of stream, which is no error. */
export function failureError(failure: SseFailure, url: string, attempt: number): SseError | null {
  if (failure.kind === 'ended') return null;
  const status = failure.kind === 'http' ? failure.status : undefined;
  const kind =
    failureReason(failure) === 'unauthorized'
      ? 'unauthorized'
      : failure.kind === 'refused'
        ? 'http'
        : failure.kind;
  const suffix = failure.kind === 'content-type' ? failure.contentType : (status ?? '');
  return new SseError(kind, MESSAGES[failure.kind] + suffix, { url, attempt, status });
}
