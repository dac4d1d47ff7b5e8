import { ɵmimeEssence } from 'ngx-sse';

import type { TestFailure } from './test-failure';

// What no server can put on the wire, in words: `TestConnection` throws with it, naming the URL.

/**
 * Why `emit(type, data)` could not come from a server, or `undefined`.
 *
 * @example
 * eventProblem('', 'x'); // "emit(''): an empty `event:` is 'message' on the wire; …"
 */
export function eventProblem(type: string, data: unknown): string | undefined {
  if (data === undefined) return `emit('${type}', undefined): an event always has data`;
  if (type === '')
    return "emit(''): an empty `event:` is 'message' on the wire; emit('message', …)";
  if (/[\r\n]/.test(type))
    return `emit(${JSON.stringify(type)}): a line break ends the \`event:\` line`;
  if (typeof data === 'string' && data.includes('\r')) {
    return `emit('${type}', ${JSON.stringify(data)}): a CR ends a \`data:\` line; the client would see LF`;
  }
  return undefined;
}

/**
 * Why `id` could not be an event id, or `undefined`: the parser ignores an id with NUL, and a
 * line break ends the field.
 *
 * @example
 * idProblem('emit', 'a\nb'); // 'emit() with id "a\\nb": an id cannot hold NUL or a line break'
 */
export function idProblem(action: string, id: string): string | undefined {
  return /[\0\r\n]/.test(id)
    ? `${action}() with id ${JSON.stringify(id)}: an id cannot hold NUL or a line break`
    : undefined;
}

/**
 * Why `fail(failure)` could not be a server's answer to an attempt that is `opened` or not, or
 * `undefined`.
 *
 * @example
 * failureProblem({ status: 503 }, true); // 'fail({ status }) after open(): …'
 */
export function failureProblem(failure: TestFailure, opened: boolean): string | undefined {
  const { status, retryAfterMs, contentType } = failure;
  if (opened && (status !== undefined || contentType !== undefined)) {
    const what = status !== undefined ? 'status' : 'contentType';
    return `fail({ ${what} }) after open(): the stream was already accepted with a 200; fail() alone is a dropped connection`;
  }
  if (retryAfterMs !== undefined && status === undefined) {
    return 'fail({ retryAfterMs }) without a status: Retry-After comes with an HTTP answer';
  }
  if (status !== undefined && contentType !== undefined) {
    return 'fail() with both status and contentType: a wrong content type comes with a 200; give one';
  }
  if (status === 200) {
    return 'fail({ status: 200 }): a 200 is an accepted stream: use open(), or fail({ contentType }) for a 200 that is not text/event-stream';
  }
  if (status !== undefined && !isHttpStatus(status)) {
    return `fail({ status: ${status} }): not a final HTTP status (200–599), which is all fetch sees`;
  }
  // Read as the transports read it (a combined header's last type counts): such a 200 opens.
  if (contentType !== undefined && ɵmimeEssence(contentType) === 'text/event-stream') {
    return `fail({ contentType: '${contentType}' }): that is an accepted stream: use open()`;
  }
  return undefined;
}

/** A final HTTP status, the only kind fetch sees. */
export function isHttpStatus(status: number): boolean {
  return Number.isInteger(status) && status >= 200 && status <= 599;
}
