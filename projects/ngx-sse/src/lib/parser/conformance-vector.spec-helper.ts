import type { SseParsedEvent } from './sse-parser-types';

/**
 * One expected-behaviour case for {@link SseParser}, written from the WHATWG rules rather than
 * from the implementation. Absent lists mean "none"; an absent `lastEventId` means `''`.
 *
 * @example
 * const v: ConformanceVector = { name: 'default type', input: 'data: a\n\n', events: [ev('a')] };
 */
export interface ConformanceVector {
  name: string;
  /** A string is UTF-8 encoded as is; raw bytes (see {@link utf8}) allow invalid sequences. */
  input: string | Uint8Array;
  events: SseParsedEvent[];
  retries?: number[];
  comments?: string[];
  lastEventId?: string;
}

/**
 * An expected event; the defaults mirror the spec's (type `message`, empty last event ID).
 *
 * @example
 * ev('hello', 'greeting', '42'); // { type: 'greeting', data: 'hello', lastEventId: '42' }
 */
export function ev(data: string, type = 'message', lastEventId = ''): SseParsedEvent {
  return { type, data, lastEventId };
}

/**
 * Concatenates UTF-8 encoded strings and raw byte values, to place invalid bytes in a stream.
 *
 * @example
 * utf8('data: ', [0xff], '\n\n'); // data: <invalid byte> LF LF
 */
export function utf8(...parts: (string | readonly number[])[]): Uint8Array {
  const encoder = new TextEncoder();
  const bytes: number[] = [];
  for (const part of parts) bytes.push(...(typeof part === 'string' ? encoder.encode(part) : part));
  return Uint8Array.from(bytes);
}
