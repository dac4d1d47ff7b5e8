import { SseFieldInterpreter } from './sse-field-interpreter';
import {
  SSE_DEFAULT_MAX_EVENT_SIZE,
  SseEventTooLargeError,
  type SseParserHandlers,
  type SseParserOptions,
} from './sse-parser-types';
import { Utf8ChunkDecoder } from './utf8-chunk-decoder';

export * from './sse-parser-types';

const LF = 0x0a;
const CR = 0x0d;
const BOM = 0xfeff;

/**
 * Incremental `text/event-stream` parser following WHATWG HTML "Interpreting an event stream":
 * UTF-8 with one optional BOM, CR / LF / CRLF line ends (also split across chunks), the fields
 * `event`, `data`, `id` and `retry`, comments, and events dispatched on blank lines. It holds only
 * the unterminated line and the current event, within `maxEventSize`. Pure TypeScript: browsers
 * and Node.
 *
 * @example
 * const parser = new SseParser({ event: (e) => console.log(e.type, e.data) });
 * const reader = response.body!.getReader();
 * for (let r = await reader.read(); !r.done; r = await reader.read()) parser.feed(r.value);
 * parser.end();
 * // To reconnect: parser.reset(), then send `Last-Event-ID: ${parser.lastEventId}`.
 */
export class SseParser {
  private readonly maxEventSize: number;
  private readonly decoder = new Utf8ChunkDecoder();
  private readonly fields: SseFieldInterpreter;
  private atStreamStart = true;
  // A CR ended the previous chunk: an LF starting the next one belongs to the same line break.
  private afterCR = false;
  private partialLine = '';
  private failed = false;

  /**
   * @param handlers receive events, retry delays and comments synchronously from `feed()`.
   * @param options `maxEventSize` (default 16 MiB).
   * @example
   * const parser = new SseParser({ event: onEvent, comment: onKeepAlive }, { maxEventSize: 65_536 });
   */
  constructor(handlers: SseParserHandlers, options: SseParserOptions = {}) {
    const max = options.maxEventSize ?? SSE_DEFAULT_MAX_EVENT_SIZE;
    if (!(max > 0)) throw new RangeError(`ngx-sse: maxEventSize must be positive, got ${max}`);
    this.maxEventSize = max;
    this.fields = new SseFieldInterpreter(handlers, options.lastEventId);
  }

  /**
   * The last event ID string: set by `id` fields, committed at each blank line (even one that
   * dispatches nothing), kept across `reset()`. Send it as `Last-Event-ID` when reconnecting.
   *
   * @example
   * headers.set('Last-Event-ID', parser.lastEventId);
   */
  get lastEventId(): string {
    return this.fields.lastEventId;
  }

  /**
   * Parses the next bytes of the stream. Chunk boundaries may fall anywhere, even inside a
   * character or between the CR and LF of a line break.
   *
   * @throws SseEventTooLargeError when one event outgrows `maxEventSize`; `reset()` before reuse.
   * @example
   * parser.feed(new TextEncoder().encode('data: hello\n\n'));
   */
  feed(chunk: Uint8Array): void {
    if (this.failed) throw new SseEventTooLargeError(this.maxEventSize);
    const text = this.decoder.decode(chunk);
    // Tiny chunks skip the general loop: a transport may hand over bytes one at a time.
    if (text.length === 1) this.feedChar(text);
    else if (text !== '') this.parse(text);
  }

  /**
   * Ends the stream. A trailing event without its blank line is discarded, as the spec requires,
   * and the parser is ready for a new stream, as after `reset()`.
   *
   * @example
   * reader.closed.then(() => parser.end());
   */
  end(): void {
    this.reset();
  }

  /**
   * Forgets the partial line and event for a new connection but keeps `lastEventId`: the spec's
   * last event ID survives reconnections (an `id` of an undispatched block is dropped with it).
   *
   * @example
   * parser.reset();
   * fetch(url, { headers: { 'Last-Event-ID': parser.lastEventId } });
   */
  reset(): void {
    this.decoder.reset();
    this.fields.reset();
    this.atStreamStart = true;
    this.afterCR = false;
    this.partialLine = '';
    this.failed = false;
  }

  private feedChar(char: string): void {
    const c = char.charCodeAt(0);
    if (this.atStreamStart) {
      this.atStreamStart = false;
      if (c === BOM) return;
    }
    if (c === LF || c === CR) {
      if (c === LF && this.afterCR) {
        this.afterCR = false;
        return;
      }
      this.afterCR = c === CR;
      const line = this.partialLine;
      this.partialLine = '';
      this.line(line, 0, line.length);
    } else {
      this.afterCR = false;
      this.appendPartial(char);
    }
  }

  private parse(text: string): void {
    const len = text.length;
    let pos = 0;
    if (this.atStreamStart) {
      this.atStreamStart = false;
      if (text.charCodeAt(0) === BOM) pos = 1;
    }
    if (this.afterCR) {
      this.afterCR = false;
      if (text.charCodeAt(pos) === LF) pos++;
    }
    // Each kind of break is searched for again only once passed, and never once none is left.
    let lf = text.indexOf('\n', pos);
    if (lf < 0) lf = len;
    let cr = text.indexOf('\r', pos);
    if (cr < 0) cr = len;
    if (this.partialLine !== '') {
      const end = lf < cr ? lf : cr;
      if (end === len) {
        this.appendPartial(pos === 0 ? text : text.slice(pos));
        return;
      }
      const line = this.partialLine + text.slice(pos, end);
      this.partialLine = '';
      this.line(line, 0, line.length);
      pos = end + 1;
      if (end === cr) {
        if (pos === len) this.afterCR = true;
        else if (text.charCodeAt(pos) === LF) pos++;
      }
    }
    for (;;) {
      if (lf < pos) {
        lf = text.indexOf('\n', pos);
        if (lf < 0) lf = len;
      }
      if (cr < pos) {
        cr = text.indexOf('\r', pos);
        if (cr < 0) cr = len;
      }
      if (lf < cr) {
        this.line(text, pos, lf);
        pos = lf + 1;
      } else if (cr < len) {
        this.line(text, pos, cr);
        pos = cr + 1;
        if (pos === len) this.afterCR = true;
        else if (text.charCodeAt(pos) === LF) pos++;
      } else {
        break;
      }
    }
    if (pos < len) this.appendPartial(text.slice(pos));
  }

  // The limit covers the event's data plus its current line, so checking every line, complete or
  // not, bounds memory and throws at the same line however the stream is chunked.
  private appendPartial(piece: string): void {
    const partial = (this.partialLine += piece);
    if (partial.length + this.fields.dataLength > this.maxEventSize) this.fail();
  }

  private line(s: string, start: number, end: number): void {
    if (end - start + this.fields.dataLength > this.maxEventSize) this.fail();
    this.fields.line(s, start, end);
  }

  private fail(): never {
    this.partialLine = '';
    this.fields.reset();
    this.failed = true;
    throw new SseEventTooLargeError(this.maxEventSize);
  }
}
