/**
 * Throughput of ngx-sse's SseParser against eventsource-parser 4 on the same chunks, three ways:
 * from bytes (eventsource-parser behind a stream-mode TextDecoder, the way its users wire it to
 * `fetch`), from text decoded beforehand (parsing alone), and decoding alone; the difference
 * says where the lead comes from. Corpora are deterministic; each figure is a median of runs.
 *
 * @example
 * npm run bench:parser
 */
import { readFileSync } from 'node:fs';

import { type EventSourceParser, createParser } from 'eventsource-parser';

import { SseParser } from '../projects/ngx-sse/src/lib/parser/sse-parser';
import { Utf8ChunkDecoder } from '../projects/ngx-sse/src/lib/parser/utf8-chunk-decoder';

interface Corpus {
  name: string;
  bytes: number;
  chunks: Uint8Array[];
  runs: number;
}

interface Tally {
  events: number;
  checksum: number;
}

const KIB = 1024;
const theirsVersion = (
  JSON.parse(readFileSync('node_modules/eventsource-parser/package.json', 'utf8')) as {
    version: string;
  }
).version;
const TARGET_RATIO = 1.2;

/** mulberry32: a fixed seed gives the same corpus on every run and machine. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function smallJsonEvent(i: number, random: () => number): string {
  const json = JSON.stringify({
    id: i,
    user: `user-${Math.floor(random() * 1e6)}`,
    price: Math.round(random() * 1e6) / 100,
    tags: ['alpha', 'beta'],
    ok: random() < 0.5,
  });
  const heartbeat = i % 100 === 99 ? ': keep-alive\n\n' : '';
  return `event: update\nid: ${i}\ndata: ${json.padEnd(100, ' ')}\n\n${heartbeat}`;
}

function smallEvents(count: number, seed: number): string {
  const random = prng(seed);
  const parts = ['retry: 3000\n\n'];
  for (let i = 0; i < count; i++) parts.push(smallJsonEvent(i, random));
  return parts.join('');
}

function largeEvents(count: number, eventSize: number, seed: number): string {
  const random = prng(seed);
  const parts: string[] = [];
  for (let i = 0; i < count; i++) {
    parts.push(`event: snapshot\nid: ${i}\n`);
    for (let size = 0; size < eventSize;) {
      const line = `data: ${'row'.padEnd(20 + Math.floor(random() * 100), String(i % 10))}\n`;
      parts.push(line);
      size += line.length;
    }
    parts.push('\n');
  }
  return parts.join('');
}

function chunked(text: string, size: number): { bytes: number; chunks: Uint8Array[] } {
  const bytes = new TextEncoder().encode(text);
  const chunks: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  return { bytes: bytes.length, chunks };
}

interface Input {
  chunks: Uint8Array[];
  /** The same chunks decoded up front by one stream-mode TextDecoder. */
  texts: string[];
}

type Side = (input: Input) => Tally;

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

const sides: Record<string, { ours: Side; theirs: Side }> = {
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

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1];
}

/** Median ms per run of each side, alternating sides so GC pauses and CPU drift hit both. */
function time(input: Input, side: { ours: Side; theirs: Side }, runs: number): [number, number] {
  for (let i = 0; i < 2; i++) {
    side.ours(input);
    side.theirs(input);
  }
  const ours: number[] = [];
  const theirs: number[] = [];
  const clock = (run: Side) => {
    const start = performance.now();
    run(input);
    return performance.now() - start;
  };
  for (let i = 0; i < runs; i++) {
    if (i % 2 === 0) {
      ours.push(clock(side.ours));
      theirs.push(clock(side.theirs));
    } else {
      theirs.push(clock(side.theirs));
      ours.push(clock(side.ours));
    }
  }
  return [median(ours), median(theirs)];
}

function same(a: Tally, b: Tally): boolean {
  return a.events === b.events && a.checksum === b.checksum;
}

function bench(corpus: Corpus): boolean {
  const decoder = new TextDecoder();
  const input: Input = {
    chunks: corpus.chunks,
    texts: corpus.chunks.map((chunk) => decoder.decode(chunk, { stream: true })),
  };
  const ours = sides['bytes'].ours(input);
  const theirs = sides['bytes'].theirs(input);
  const identical =
    same(ours, theirs) &&
    same(sides['text'].ours(input), theirs) &&
    same(sides['decode'].ours(input), sides['decode'].theirs(input));
  const mb = corpus.bytes / 1e6;
  const rows = Object.entries(sides).map(([name, side]) => {
    const [oursMs, theirsMs] = time(input, side, corpus.runs);
    return { name, oursMs, theirsMs };
  });
  const [bytes, text, decode] = rows;
  const label = {
    bytes: 'bytes in (decode + parse)',
    text: 'pre-decoded text (parse)',
    decode: 'decode only',
  };
  const lines = rows.map(
    (r) =>
      `  ${label[r.name as keyof typeof label].padEnd(27)}` +
      `${(mb / (r.oursMs / 1000)).toFixed(1).padStart(9)}` +
      `${(mb / (r.theirsMs / 1000)).toFixed(1).padStart(20)}` +
      `${(r.theirsMs / r.oursMs).toFixed(2).padStart(9)}x`,
  );
  // Where the lead comes from: time saved per run on decoding alone and on parsing alone,
  // next to the total saved from bytes (measured apart, so the parts need not add up exactly).
  const saved = (r: { oursMs: number; theirsMs: number }) => (r.theirsMs - r.oursMs).toFixed(1);
  const ratio = bytes.theirsMs / bytes.oursMs;
  console.log(
    `${corpus.name}\n` +
      `  bytes ${corpus.bytes}, chunks ${corpus.chunks.length}, events ${ours.events}` +
      ` (eventsource-parser: ${theirs.events}), checksum ${ours.checksum}` +
      ` (eventsource-parser: ${theirs.checksum}) -> ${identical ? 'identical' : 'MISMATCH'}\n` +
      `  ${`MB/s, median of ${corpus.runs} runs`.padEnd(27)}` +
      `${'ngx-sse'.padStart(9)}${'eventsource-parser'.padStart(20)}${'ratio'.padStart(10)}\n` +
      `${lines.join('\n')}\n` +
      `  lead, ms saved per run: ${saved(bytes)} from bytes; decoding alone ${saved(decode)},` +
      ` parsing alone ${saved(text)}`,
  );
  return identical && ratio >= TARGET_RATIO;
}

function main(): void {
  const corpora: Corpus[] = [
    {
      name: '1. 100k small JSON events, 64 KiB chunks',
      ...chunked(smallEvents(100_000, 1), 64 * KIB),
      runs: 15,
    },
    {
      name: '2. 1k events of 64 KiB multi-line data, 64 KiB chunks',
      ...chunked(largeEvents(1_000, 64 * KIB, 2), 64 * KIB),
      runs: 15,
    },
    {
      name: '3. 10k small JSON events, 1-byte chunks',
      ...chunked(smallEvents(10_000, 3), 1),
      runs: 7,
    },
  ];
  console.log(`Node ${process.version}, eventsource-parser ${theirsVersion}, MB = 10^6 bytes`);
  const results = corpora.map(bench);
  console.log(
    `bytes-in ratio >= ${TARGET_RATIO} on every corpus (with identical output): ` +
      (results.every(Boolean) ? 'yes' : 'no'),
  );
}

main();
