import type { SseParserHandlers } from './sse-parser-types';

const SPACE = 0x20;
const COLON = 0x3a;

function isAsciiDigits(value: string): boolean {
  if (value === '') return false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

/**
 * The event stream's field layer: turns complete lines into events, retry delays and comments,
 * per WHATWG HTML "Interpreting an event stream". Internal to {@link SseParser}, which splits
 * lines and enforces the size limit.
 *
 * @example
 * const fields = new SseFieldInterpreter({ event: console.log });
 * fields.line('data: hi', 0, 8);
 * fields.line('', 0, 0); // logs { type: 'message', data: 'hi', lastEventId: '' }
 */
export class SseFieldInterpreter {
  // Kept without the spec's trailing LF, which saves a copy at dispatch.
  private data = '';
  private hasData = false;
  private eventType = '';
  private idBuffer: string;
  private committedId: string;

  constructor(
    private readonly handlers: SseParserHandlers,
    lastEventId = '',
  ) {
    this.idBuffer = this.committedId = lastEventId;
  }

  /** The spec's last event ID string: the ID buffer as of the latest blank line. */
  get lastEventId(): string {
    return this.committedId;
  }

  /** Length of the data buffered for the current event, for size limits. */
  get dataLength(): number {
    return this.data.length;
  }

  /**
   * Interprets the line `s[start, end)`. `s[end]`, if it exists, must be its CR or LF: the fast
   * paths below rely on a prefix test failing there rather than checking `end`.
   */
  line(s: string, start: number, end: number): void {
    if (start === end) {
      this.dispatch();
      return;
    }
    const c = s.charCodeAt(start);
    if (
      c === 0x64 &&
      s.charCodeAt(start + 1) === 0x61 &&
      s.charCodeAt(start + 2) === 0x74 &&
      s.charCodeAt(start + 3) === 0x61 &&
      s.charCodeAt(start + 4) === COLON
    ) {
      this.appendData(s.slice(s.charCodeAt(start + 5) === SPACE ? start + 6 : start + 5, end));
    } else if (
      c === 0x65 &&
      s.charCodeAt(start + 1) === 0x76 &&
      s.charCodeAt(start + 2) === 0x65 &&
      s.charCodeAt(start + 3) === 0x6e &&
      s.charCodeAt(start + 4) === 0x74 &&
      s.charCodeAt(start + 5) === COLON
    ) {
      this.eventType = s.slice(s.charCodeAt(start + 6) === SPACE ? start + 7 : start + 6, end);
    } else if (
      c === 0x69 &&
      s.charCodeAt(start + 1) === 0x64 &&
      s.charCodeAt(start + 2) === COLON
    ) {
      this.setId(s.slice(s.charCodeAt(start + 3) === SPACE ? start + 4 : start + 3, end));
    } else if (c === COLON) {
      const comment = this.handlers.comment;
      if (comment) comment(s.slice(s.charCodeAt(start + 1) === SPACE ? start + 2 : start + 1, end));
    } else {
      this.field(s.slice(start, end));
    }
  }

  /** Drops the current event's buffers; the ID buffer goes back to the committed ID. */
  reset(): void {
    this.data = '';
    this.hasData = false;
    this.eventType = '';
    this.idBuffer = this.committedId;
  }

  /** The general case: any field name, with or without a colon. */
  private field(line: string): void {
    const colon = line.indexOf(':');
    let name = line;
    let value = '';
    if (colon >= 0) {
      name = line.slice(0, colon);
      value = line.slice(line.charCodeAt(colon + 1) === SPACE ? colon + 2 : colon + 1);
    }
    switch (name) {
      case 'data':
        this.appendData(value);
        break;
      case 'event':
        this.eventType = value;
        break;
      case 'id':
        this.setId(value);
        break;
      case 'retry':
        if (this.handlers.retry && isAsciiDigits(value)) this.handlers.retry(parseInt(value, 10));
        break;
    }
  }

  private appendData(value: string): void {
    this.data = this.hasData ? this.data + '\n' + value : value;
    this.hasData = true;
  }

  private setId(value: string): void {
    if (value.indexOf('\0') < 0) this.idBuffer = value;
  }

  private dispatch(): void {
    this.committedId = this.idBuffer;
    const type = this.eventType;
    this.eventType = '';
    if (!this.hasData) return;
    const data = this.data;
    this.data = '';
    this.hasData = false;
    // Cleared before the handler runs, so an exception thrown by it leaves no half-dispatched event.
    this.handlers.event({ type: type === '' ? 'message' : type, data, lastEventId: this.idBuffer });
  }
}
