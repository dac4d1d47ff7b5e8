/**
 * SSE framing per the WHATWG "server-sent events" rules: every line of `data` becomes its own
 * `data:` field (CR, LF and CRLF all split), and an event ends with one blank line.
 */
export interface SseMessage {
  event?: string;
  id?: string | number;
  data: string;
  retry?: number;
}

const LINE_BREAK = /\r\n|\r|\n/;

export function formatEvent({ event, id, data, retry }: SseMessage): string {
  let frame = '';
  if (event !== undefined) frame += `event: ${singleLine('event', event)}\n`;
  if (id !== undefined) frame += `id: ${singleLine('id', String(id))}\n`;
  if (retry !== undefined) frame += `retry: ${Math.max(0, Math.trunc(retry))}\n`;
  for (const line of data.split(LINE_BREAK)) frame += `data: ${line}\n`;
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
