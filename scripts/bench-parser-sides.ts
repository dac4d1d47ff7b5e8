// The three ways `npm run bench:parser` times each parser: from bytes, from pre-decoded text,
// and decoding alone. Each side returns a tally, so their outputs can be compared.
import { type EventSourceParser, createParser } from 'eventsource-parser';

import { SseParser } from '../projects/ngx-sse/src/lib/parser/sse-parser';
import { Utf8ChunkDecoder } from '../projects/ngx-sse/src/lib/parser/utf8-chunk-decoder';

/** Events seen and a checksum over their types, data, retry values and comments. */
export interface Tally {
  events: number;
  checksum: number;
}

export interface Input {
  chunks: Uint8Array[];
  /** The same chunks decoded up front by one stream-mode TextDecoder. */
  texts: string[];
}

export type Side = (input: Input) => Tally;

function oursParser(tally: Tally): SseParser {
  return new SseParser({
    event: (e) => {
      tally.events++;
      tally.checksum += e.data.length + e.type.length;
    },
    retry: (ms) => (tally.checksum += ms),
    comment: (text) => (tally.checksum += text.length),
  });
}

function theirsParser(tally: Tally): EventSourceParser {
  return createParser({
    onEvent: (e) => {
      tally.events++;
      tally.checksum += e.data.length + (e.event ?? 'message').length;
    },
    onRetry: (ms) => (tally.checksum += ms),
    onComment: (text) => (tally.checksum += text.length),
  });
}

/**
 * SseParser's text path, which `feed()` runs after its own UTF-8 decoding. It is private (the
 * library takes bytes); the benchmark reaches it to time parsing apart from decoding.
 */
function feedText(parser: SseParser, text: string): void {
  const inner = parser as unknown as { parse(t: string): void; feedChar(c: string): void };
  if (text.length === 1) inner.feedChar(text);
  else if (text !== '') inner.parse(text);
}

/**
 * Each way, ngx-sse's side and eventsource-parser's.
 *
 * @example
 * const tally = sides['bytes'].ours({ chunks, texts });
 */
export const sides: Record<string, { ours: Side; theirs: Side }> = {
  // What each costs from the network's bytes: SseParser decodes itself; eventsource-parser gets
  // a stream-mode TextDecoder in front, the way its users wire it to `fetch`.
  bytes: {
    ours: ({ chunks }) => {
      const tally = { events: 0, checksum: 0 };
      const parser = oursParser(tally);
      for (const chunk of chunks) parser.feed(chunk);
      parser.end();
      return tally;
    },
    theirs: ({ chunks }) => {
      const tally = { events: 0, checksum: 0 };
      const decoder = new TextDecoder();
      const parser = theirsParser(tally);
      for (const chunk of chunks) parser.feed(decoder.decode(chunk, { stream: true }));
      parser.feed(decoder.decode());
      return tally;
    },
  },
  // Parsing alone, from text decoded before the clock starts.
  text: {
    ours: ({ texts }) => {
      const tally = { events: 0, checksum: 0 };
      const parser = oursParser(tally);
      for (const text of texts) feedText(parser, text);
      parser.end();
      return tally;
    },
    theirs: ({ texts }) => {
      const tally = { events: 0, checksum: 0 };
      const parser = theirsParser(tally);
      for (const text of texts) parser.feed(text);
      return tally;
    },
  },
  // Decoding alone: SseParser's Utf8ChunkDecoder against a stream-mode TextDecoder.
  decode: {
    ours: ({ chunks }) => {
      const decoder = new Utf8ChunkDecoder();
      let checksum = 0;
      for (const chunk of chunks) checksum += decoder.decode(chunk).length;
      return { events: 0, checksum };
    },
    theirs: ({ chunks }) => {
      const decoder = new TextDecoder();
      let checksum = 0;
      for (const chunk of chunks) checksum += decoder.decode(chunk, { stream: true }).length;
      return { events: 0, checksum: checksum + decoder.decode().length };
    },
  },
};
