import type { SseFailure, SseReason, SseTransport } from 'ngx-sse';

import type { TestFailure } from './test-failure';

import { isHttpStatus } from './wire-checks';

// What each real transport reports when an attempt fails: what the testing kit's answers become,
// and the rules a raw `fail(failure)` must meet, so a test cannot show a failure production
// never has.

/**
 * What each transport's backend reports, by reason, with the fields it may set besides `reason`
 * (read off `event-source-backend.ts` and `fetch-backend.ts`). The other reasons (`unauthorized`,
 * `no-content`, `idle-timeout`, `max-attempts`…) are the core's own words, never a transport's.
 */
const REPORTED: Record<SseTransport, Partial<Record<SseReason, readonly (keyof SseFailure)[]>>> = {
  // `readyState` CLOSED after an error: the browser gave up (a non-200 or a wrong MIME type,
  // unknown which). CONNECTING: it reconnects by itself.
  eventsource: { refused: [], network: ['browserRetrying'] },
  fetch: {
    network: ['detail'],
    ended: [],
    http: ['status', 'retryAfterMs'],
    'bad-content-type': ['status', 'detail'],
    'too-large': [],
    'invalid-request': ['detail'],
  },
};

/**
 * When in an attempt each reason can come: an answer to the request (`before` the stream is
 * accepted), or an event of an accepted stream (`after`); `network` either.
 */
const PHASE: Partial<Record<SseReason, 'before' | 'after'>> = {
  refused: 'before',
  http: 'before',
  'bad-content-type': 'before',
  'invalid-request': 'before',
  ended: 'after',
  'too-large': 'after',
};

const SHAPES: Record<SseTransport, string> = {
  eventsource: "{ reason: 'refused' } and { reason: 'network', browserRetrying: true }",
  fetch:
    "{ reason: 'network', detail? }, { reason: 'ended' }, { reason: 'http', status, retryAfterMs? }, { reason: 'bad-content-type', status: 200, detail? }, { reason: 'too-large' } and { reason: 'invalid-request', detail? }",
};

/**
 * Why the `transport`'s backend could never report `failure`, or `undefined`: a raw
 * `fail(failure)` must be one the real transport produces. `libraryRetries`: an EventSource
 * whose URL's resume id went stale, whose drop the library retries (no `browserRetrying`).
 *
 * @example
 * reportedProblem({ reason: 'http', status: 401 }, 'eventsource', false);
 * // 'fail({"reason":"http","status":401}) on eventsource: the eventsource transport never reports reason …'
 */
export function reportedProblem(
  failure: SseFailure,
  transport: SseTransport,
  opened: boolean,
  libraryRetries = false,
): string | undefined {
  const fields = REPORTED[transport][failure.reason];
  const extra = fields
    ? (Object.keys(failure) as (keyof SseFailure)[]).find(
        (key) => key !== 'reason' && failure[key] !== undefined && !fields.includes(key),
      )
    : undefined;
  const why = !fields
    ? `the ${transport} transport never reports reason '${failure.reason}'`
    : extra
      ? `the ${transport} transport never sets \`${extra}\` with reason '${failure.reason}'`
      : (shapeProblem(failure, transport, libraryRetries) ?? phaseProblem(failure.reason, opened));
  if (!why) return undefined;
  return `fail(${JSON.stringify(failure)}) on ${transport}: ${why}; it reports only ${SHAPES[transport]}`;
}

function phaseProblem(reason: SseReason, opened: boolean): string | undefined {
  const phase = PHASE[reason];
  if (phase === 'before' && opened) {
    return `'${reason}' answers a request, so it comes before open(): an accepted stream that fails is a drop, fail()`;
  }
  if (phase === 'after' && !opened) {
    return `'${reason}' comes only on an accepted stream: call open() first`;
  }
  return undefined;
}

/** The values a transport puts in the fields it may set. */
function shapeProblem(
  failure: SseFailure,
  transport: SseTransport,
  libraryRetries: boolean,
): string | undefined {
  const { reason, status, browserRetrying } = failure;
  if (transport === 'eventsource' && reason === 'network' && libraryRetries === !!browserRetrying) {
    return libraryRetries
      ? "after the server reset the id (an event with an id, then one with an empty id), a stream that resumed through its URL's query reports a drop without `browserRetrying`: the library reconnects, not the browser"
      : 'an EventSource reports a drop only as it reconnects by itself (`browserRetrying: true`, which dropAndBrowserRetry() sends)';
  }
  if (reason === 'http' && (status === undefined || status === 200)) {
    return 'an HTTP failure carries its status, never 200';
  }
  if (reason === 'http' && !isHttpStatus(status!)) {
    return `${status} is not a final HTTP status (200–599)`;
  }
  if (reason === 'bad-content-type' && status !== undefined && status !== 200) {
    return 'a wrong content type comes with a 200';
  }
  return undefined;
}

/**
 * What `transport` reports for a server's answer or a drop, as its backend does: `null` for a
 * drop on `eventsource`, which the browser retries by itself (see `dropAndBrowserRetry()`).
 *
 * @example
 * reportedFailure({ status: 503 }, 'eventsource'); // { reason: 'refused' }: no status
 * reportedFailure({ status: 503 }, 'fetch'); // { reason: 'http', status: 503, retryAfterMs: undefined }
 */
export function reportedFailure(failure: TestFailure, transport: SseTransport): SseFailure | null {
  const { status, retryAfterMs, contentType } = failure;
  const answered = status !== undefined || contentType !== undefined;
  if (transport === 'eventsource') return answered ? { reason: 'refused' } : null;
  if (status !== undefined) return { reason: 'http', status, retryAfterMs };
  if (contentType !== undefined)
    return { reason: 'bad-content-type', status: 200, detail: contentType };
  return { reason: 'network' };
}
