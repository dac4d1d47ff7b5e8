import { mimeEssence } from './mime';
import type { SseFailure } from './reason';

// Seconds, or one of the three HTTP-date forms a recipient must accept (RFC 9110 §5.6.7):
// IMF-fixdate, RFC 850 and asctime, the last one without a zone (GMT too), captured.
const RETRY_AFTER =
  /^(?:\d+|[A-Z][a-z]{2}, \d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d GMT|[A-Z][a-z]{5,8}, \d\d-[A-Z][a-z]{2}-\d\d \d\d:\d\d:\d\d GMT|([A-Z][a-z]{2} [A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d \d{4}))$/;

/**
 * `Retry-After` as seconds or an HTTP date, in ms from `now`; undefined when absent or invalid.
 *
 * @example
 * parseRetryAfter('120'); // 120000
 */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  const text = value?.trim() ?? '';
  // Anything else ("1.5", "-1", a loose date) is ignored rather than read as "now".
  const match = RETRY_AFTER.exec(text);
  if (!match) return undefined;
  const ms = /^\d+$/.test(text)
    ? Number(text) * 1000
    : Date.parse(match[1] ? `${text} GMT` : text) - now;
  return Number.isNaN(ms) ? undefined : Math.max(0, ms);
}

/**
 * Why `response` is not an event stream to read (a status other than 200, another content type,
 * no body), or `null` when it is one.
 *
 * @example
 * responseFailure(new Response('', { status: 503, headers: { 'Retry-After': '2' } }));
 * // { reason: 'http', status: 503, retryAfterMs: 2000 }
 */
export function responseFailure(response: Response): SseFailure | null {
  const { status } = response;
  const contentType = response.headers.get('Content-Type') ?? '';
  if (status !== 200) {
    const retryAfterMs = parseRetryAfter(response.headers.get('Retry-After'));
    return { reason: 'http', status, retryAfterMs };
  }
  if (mimeEssence(contentType) !== 'text/event-stream') {
    return { reason: 'bad-content-type', status, detail: contentType };
  }
  return response.body ? null : { reason: 'network', detail: 'no body' };
}
