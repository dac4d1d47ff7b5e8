import { SseParser } from './sse-parser';
import type { SseParsedEvent, SseParserOptions } from './sse-parser-types';

/**
 * Everything a parser reported for one stream, for whole-output comparisons in tests.
 *
 * @example
 * expect(parseChunks([bytes])).toEqual(expected);
 */
export interface ParseOutput {
  events: SseParsedEvent[];
  retries: number[];
  comments: string[];
  lastEventId: string;
}

/**
 * Feeds `chunks` to a fresh {@link SseParser}, ends the stream and returns all it reported.
 *
 * @example
 * parseChunks(splitEvery(toBytes('data: a\n\n'), 1)).events; // [{ type: 'message', ... }]
 */
export function parseChunks(
  chunks: readonly Uint8Array[],
  options?: SseParserOptions,
): ParseOutput {
  const out: ParseOutput = { events: [], retries: [], comments: [], lastEventId: '' };
  const parser = new SseParser(
    {
      event: (event) => out.events.push(event),
      retry: (ms) => out.retries.push(ms),
      comment: (text) => out.comments.push(text),
    },
    options,
  );
  for (const chunk of chunks) parser.feed(chunk);
  parser.end();
  out.lastEventId = parser.lastEventId;
  return out;
}

/**
 * UTF-8 bytes of a string; byte arrays pass through.
 *
 * @example
 * toBytes('é'); // Uint8Array [0xc3, 0xa9]
 */
export function toBytes(input: string | Uint8Array): Uint8Array {
  return typeof input === 'string' ? new TextEncoder().encode(input) : input;
}

/**
 * Consecutive chunks of at most `size` bytes (views, as a stream reader would hand out).
 *
 * @example
 * splitEvery(bytes, 1); // one chunk per byte
 */
export function splitEvery(bytes: Uint8Array, size: number): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  return chunks;
}

/**
 * Chunks cut at the given ascending offsets; empty chunks are kept, as transports may send them.
 *
 * @example
 * splitAt(bytes, 3); // [bytes[0..3), bytes[3..)]
 */
export function splitAt(bytes: Uint8Array, ...offsets: number[]): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  let start = 0;
  for (const offset of offsets) {
    chunks.push(bytes.slice(start, offset));
    start = offset;
  }
  chunks.push(bytes.slice(start));
  return chunks;
}

/** The ways {@link expectEverySplit} feeds a stream: each gives one or more chunkings of the bytes. */
const SPLITS = {
  whole: (bytes: Uint8Array) => [[bytes]],
  'byte by byte': (bytes: Uint8Array) => [splitEvery(bytes, 1)],
  'every cut': (bytes: Uint8Array) =>
    Array.from({ length: bytes.length + 1 }, (_, cut) => splitAt(bytes, cut)),
};

export type Split = keyof typeof SPLITS;

/**
 * Parses `input` fed whole, one byte at a time and cut in two at every byte (or only the
 * `splits` given); each must report `expected`. Only the fields `expected` names are compared.
 *
 * @example
 * expectEverySplit('data: a\n\n', { events: [{ type: 'message', data: 'a', lastEventId: '' }] });
 * expectEverySplit(bytes, expected, ['byte by byte']);
 */
export function expectEverySplit(
  input: string | Uint8Array,
  expected: Partial<ParseOutput>,
  splits: readonly Split[] = ['whole', 'byte by byte', 'every cut'],
): void {
  const bytes = toBytes(input);
  const fields = Object.keys(expected) as (keyof ParseOutput)[];
  for (const split of splits) {
    SPLITS[split](bytes).forEach((chunks, i) => {
      const out = parseChunks(chunks);
      const compared = Object.fromEntries(fields.map((field) => [field, out[field]]));
      expect(compared)
        .withContext(split === 'every cut' ? `cut at byte ${i}` : split)
        .toEqual(expected);
    });
  }
}
