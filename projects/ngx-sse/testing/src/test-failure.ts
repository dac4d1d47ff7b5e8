/**
 * How `TestConnection.fail()` fails: an HTTP answer, a wrong content type, or (by default) the
 * network.
 *
 * @example
 * connection.fail({ status: 503, retryAfterMs: 2000 });
 */
export interface TestFailure {
  /** An HTTP answer other than 200 (a 200 is `open()`), e.g. 503, 401, 204. */
  readonly status?: number;
  /** With `status`: the answer's `Retry-After`, in milliseconds. */
  readonly retryAfterMs?: number;
  /** A 200 with this content type instead of `text/event-stream` (not with `status`). */
  readonly contentType?: string;
}
