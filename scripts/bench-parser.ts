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

import { chunked, largeEvents, smallEvents } from './bench-parser-corpora';
import { type Input, type Side, type Tally, sides } from './bench-parser-sides';

interface Corpus {
  name: string;
  bytes: number;
  chunks: Uint8Array[];
  runs: number;
}

const KIB = 1024;
const theirsVersion = (
  JSON.parse(readFileSync('node_modules/eventsource-parser/package.json', 'utf8')) as {
    version: string;
  }
).version;
const TARGET_RATIO = 1.2;

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
