/**
 * Why a connection is reconnecting, paused or closed, and what an {@link SseError} is about: one
 * vocabulary for states, policy decisions and errors, so app code compares one set of names.
 *
 * | reason             | meaning                                                                  |
 * | ------------------ | ------------------------------------------------------------------------ |
 * | `network`          | dropped or unreachable, no HTTP answer                                   |
 * | `ended`            | the server ended the stream normally (the spec says: reconnect)          |
 * | `idle-timeout`     | nothing arrived within the heartbeat timeout                             |
 * | `http`             | an HTTP status the other reasons do not name (see `status`)              |
 * | `unauthorized`     | 401 or 403                                                               |
 * | `no-content`       | 204: the server says there is nothing more                               |
 * | `refused`          | `EventSource` gave up (a non-200 status or a wrong MIME type, unknown which) |
 * | `bad-content-type` | a 200 that is not `text/event-stream`                                    |
 * | `too-large`        | one event exceeded `maxEventSize`                                        |
 * | `max-attempts`     | the reconnect policy ran out of attempts                                 |
 * | `parse`            | one payload could not be deserialized (the stream goes on)               |
 * | `invalid-request`  | the stream's options or URL cannot work                                  |
 * | `closed`           | the app called `close()`                                                 |
 * | `unsubscribed`     | the last subscriber left                                                 |
 *
 * @example
 * const state = stream.state();
 * if (state.status === 'closed' && state.reason === 'unauthorized') router.navigate(['/login']);
 */
export type SseReason =
  | 'network'
  | 'ended'
  | 'idle-timeout'
  | 'http'
  | 'unauthorized'
  | 'no-content'
  | 'refused'
  | 'bad-content-type'
  | 'too-large'
  | 'max-attempts'
  | 'parse'
  | 'invalid-request'
  | 'closed'
  | 'unsubscribed';

/**
 * One failed connection attempt, as a transport reports it to the core.
 *
 * @example
 * handlers.error({ reason: 'http', status: 503, retryAfterMs: 2000 });
 */
export interface SseFailure {
  /** What went wrong; HTTP answers come as `http` with a `status` (the core names 401, 204...). */
  readonly reason: SseReason;
  /** The HTTP status, when the transport saw one. */
  readonly status?: number;
  /** The server's `Retry-After`, in ms. */
  readonly retryAfterMs?: number;
  /** A native `EventSource` is already reconnecting by itself. */
  readonly browserRetrying?: boolean;
  /** What the transport knows besides the reason (a content type, an error message). */
  readonly detail?: string;
}

/** The reason for an HTTP status other than 200: 204, 401 and 403 have names of their own. */
export function statusReason(status: number): SseReason {
  return status === 204 ? 'no-content' : status === 401 || status === 403 ? 'unauthorized' : 'http';
}
