import type { ParseOutput } from './parser-harness.spec-helper';

/**
 * A literal, slow transcription of WHATWG HTML "Interpreting an event stream" over a whole
 * stream, sharing no code with {@link SseParser}: an oracle for randomized tests.
 *
 * @example
 * expect(parseChunks(randomChunks(bytes, random, 7))).toEqual(referenceParse(bytes));
 */
export function referenceParse(bytes: Uint8Array): ParseOutput {
  const out: ParseOutput = { events: [], retries: [], comments: [], lastEventId: '' };
  // A default TextDecoder is the spec's "UTF-8 decode": one leading BOM dropped, errors U+FFFD.
  const text = new TextDecoder().decode(bytes);
  const lines: string[] = [];
  let line = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\r' || ch === '\n') {
      lines.push(line);
      line = '';
      if (ch === '\r' && text[i + 1] === '\n') i++;
    } else {
      line += ch;
    }
  }
  // What is left in `line` had no line end: not a line, so it is discarded with its event.
  let data = '';
  let type = '';
  let id = '';
  for (const l of lines) {
    if (l === '') {
      out.lastEventId = id;
      if (data !== '') {
        out.events.push({ type: type || 'message', data: data.slice(0, -1), lastEventId: id });
      }
      data = '';
      type = '';
      continue;
    }
    if (l.startsWith(':')) {
      out.comments.push(l.startsWith(': ') ? l.slice(2) : l.slice(1));
      continue;
    }
    const colon = l.indexOf(':');
    const field = colon < 0 ? l : l.slice(0, colon);
    let value = colon < 0 ? '' : l.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') type = value;
    else if (field === 'data') data += value + '\n';
    else if (field === 'id' && !value.includes('\0')) id = value;
    else if (field === 'retry' && /^[0-9]+$/.test(value)) out.retries.push(parseInt(value, 10));
  }
  return out;
}
