/**
 * SSE framing per the WHATWG "server-sent events" rules: every line of `data` becomes its own
 * `data:` field (CR, LF and CRLF all split), and an event ends with one blank line.
 */
export interface SseMessage {
  event?: string;
  id?: string | number;
  /** Omitted for field-only frames (e.g. just `retry:`): a `data:` line would dispatch an event. */
  data?: string;
  retry?: number;
}

/**
 * Response headers of every stream. `no-transform` and `X-Accel-Buffering: no` stop proxies
 * (nginx, CDNs) from compressing or buffering, either of which would hold events back.
 * `keep-alive` is for HTTP/1.1; an HTTP/1.0 stream gets `Connection: close` (`startStream`).
 */
export const SSE_HEADERS = {
  'Content-Type': 'text/event-stream; charset=utf-8',
  'Cache-Control': 'no-cache, no-transform',
  'X-Accel-Buffering': 'no',
  Connection: 'keep-alive',
} as const;

const LINE_BREAK = /\r\n|\r|\n/;

/** One complete event frame, ending with the blank line that makes clients dispatch it. */
export function formatEvent({ event, id, data, retry }: SseMessage): string {
  let frame = '';
  if (event !== undefined) frame += `event: ${singleLine('event', event)}\n`;
  if (id !== undefined) frame += `id: ${singleLine('id', String(id))}\n`;
  if (retry !== undefined) frame += `retry: ${Math.max(0, Math.trunc(retry))}\n`;
  if (data !== undefined) for (const line of data.split(LINE_BREAK)) frame += `data: ${line}\n`;
  return `${frame}\n`;
}

/** A comment line: ignored by clients, but it keeps proxies and idle timers alive. */
export function formatComment(text = ''): string {
  return text
    .split(LINE_BREAK)
    .map((line) => `: ${line}\n`)
    .join('')
    .concat('\n');
}

function singleLine(field: string, value: string): string {
  if (LINE_BREAK.test(value) || value.includes('\0')) {
    throw new Error(`SSE ${field} must be one line without NUL: ${JSON.stringify(value)}`);
  }
  return value;
}
