/**
 * One event dispatched by {@link SseParser}, shaped like the DOM `MessageEvent` fields that matter.
 *
 * @example
 * const parser = new SseParser({ event: (e: SseParsedEvent) => console.log(e.type, e.data) });
 */
export interface SseParsedEvent {
  /** The `event:` field of the block, or `'message'` when it was absent or empty. */
  type: string;
  /** The `data:` lines joined with `\n` (the spec drops the final line feed). */
  data: string;
  /** The last event ID at dispatch time; it persists across events until the server changes it. */
  lastEventId: string;
}

/**
 * Callbacks of {@link SseParser}. They run synchronously inside `feed()`, so they must not call
 * back into the same parser (defer that, e.g. with `queueMicrotask`). An exception thrown by one
 * propagates out of `feed()` and leaves the rest of that chunk unparsed: `reset()` after it.
 *
 * @example
 * const handlers: SseParserHandlers = {
 *   event: (e) => store.push(e),
 *   retry: (ms) => (reconnectDelay = ms),
 *   comment: () => heartbeat.touch(),
 * };
 */
export interface SseParserHandlers {
  /** A dispatched event (a blank line ended a block that had at least one `data` field). */
  event(event: SseParsedEvent): void;
  /** A `retry` field whose value is only ASCII digits: the new reconnection delay in ms. */
  retry?(ms: number): void;
  /**
   * A comment line: the text after `:` with one leading space removed. Servers send comments as
   * keep-alives, so this is the liveness signal even when no event arrives.
   */
  comment?(text: string): void;
}

/**
 * Options of {@link SseParser}.
 *
 * @example
 * new SseParser(handlers, { maxEventSize: 256 * 1024 });
 */
export interface SseParserOptions {
  /**
   * Upper bound, in UTF-16 code units of decoded text (equal to bytes for ASCII), of what one
   * event may buffer: its data so far plus the line being read, field name included. Without a
   * bound a server that never sends a line break would grow memory forever. Default 16 MiB.
   */
  maxEventSize?: number;
  /**
   * The last event ID to start from. The spec keeps it across reconnections, so a parser created
   * for a new connection attempt gives events without an `id` field the previous one.
   */
  lastEventId?: string;
}

/**
 * Default of {@link SseParserOptions.maxEventSize}: 16 MiB (several-megabyte events pass).
 *
 * @example
 * new SseParser(handlers, { maxEventSize: 4 * SSE_DEFAULT_MAX_EVENT_SIZE });
 */
export const SSE_DEFAULT_MAX_EVENT_SIZE = 16_777_216;

/**
 * Thrown by {@link SseParser.feed} when one event outgrows `maxEventSize`. The parser has dropped
 * its buffers by then and keeps throwing until `reset()`; its `lastEventId` is kept.
 *
 * @example
 * try {
 *   parser.feed(chunk);
 * } catch (e) {
 *   if (e instanceof SseEventTooLargeError) abortConnection(`limit ${e.limit}`);
 * }
 */
export class SseEventTooLargeError extends Error {
  /** For `instanceof`-free checks, as `Error` subclasses do. */
  override readonly name = 'SseEventTooLargeError';
  /** The `maxEventSize` it exceeded, in UTF-16 code units. */
  readonly limit: number;

  constructor(limit: number) {
    super(`ngx-sse: an event exceeded maxEventSize (${limit} UTF-16 code units)`);
    this.limit = limit;
  }
}
