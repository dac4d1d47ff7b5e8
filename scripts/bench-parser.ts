/**
 * Throughput of ngx-sse's SseParser against eventsource-parser v3 on the same byte chunks.
 * Both sides decode UTF-8: eventsource-parser gets a stream-mode TextDecoder in front, the way
 * its users wire it to `fetch`. Corpora are deterministic; each figure is a median of runs.
 *
 * @example
 * npm run bench:parser
 */
import { createParser } from 'eventsource-parser';

import { SseParser } from '../projects/ngx-sse/src/lib/parser/sse-parser';

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

function runOurs(chunks: Uint8Array[]): Tally {
  const tally: Tally = { events: 0, checksum: 0 };
  const parser = new SseParser({
    event: (e) => {
      tally.events++;
      tally.checksum += e.data.length + e.type.length;
    },
    retry: (ms) => (tally.checksum += ms),
    comment: (text) => (tally.checksum += text.length),
  });
  for (const chunk of chunks) parser.feed(chunk);
  parser.end();
  return tally;
}

function runTheirs(chunks: Uint8Array[]): Tally {
  const tally: Tally = { events: 0, checksum: 0 };
  const decoder = new TextDecoder();
  const parser = createParser({
    onEvent: (e) => {
      tally.events++;
      tally.checksum += e.data.length + (e.event ?? 'message').length;
    },
    onRetry: (ms) => (tally.checksum += ms),
    onComment: (text) => (tally.checksum += text.length),
  });
  for (const chunk of chunks) parser.feed(decoder.decode(chunk, { stream: true }));
  parser.feed(decoder.decode());
  return tally;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1];
}

function measure(corpus: Corpus, run: (chunks: Uint8Array[]) => Tally): number {
  const start = performance.now();
  run(corpus.chunks);
  return corpus.bytes / 1e6 / ((performance.now() - start) / 1000);
}

function bench(corpus: Corpus): boolean {
  const ours = runOurs(corpus.chunks);
  const theirs = runTheirs(corpus.chunks);
  const same = ours.events === theirs.events && ours.checksum === theirs.checksum;
  for (let i = 0; i < 2; i++) {
    runOurs(corpus.chunks);
    runTheirs(corpus.chunks);
  }
  const oursMBs: number[] = [];
  const theirsMBs: number[] = [];
  // Alternating sides spreads GC pauses and CPU frequency drift evenly over both.
  for (let i = 0; i < corpus.runs; i++) {
    if (i % 2 === 0) {
      oursMBs.push(measure(corpus, runOurs));
      theirsMBs.push(measure(corpus, runTheirs));
    } else {
      theirsMBs.push(measure(corpus, runTheirs));
      oursMBs.push(measure(corpus, runOurs));
    }
  }
  const ratio = median(oursMBs) / median(theirsMBs);
  console.log(
    `${corpus.name}\n` +
      `  bytes ${corpus.bytes}, chunks ${corpus.chunks.length}, events ${ours.events}` +
      ` (eventsource-parser: ${theirs.events}), checksum ${ours.checksum}` +
      ` (eventsource-parser: ${theirs.checksum}) -> ${same ? 'identical' : 'MISMATCH'}\n` +
      `  ngx-sse SseParser    ${median(oursMBs).toFixed(1).padStart(8)} MB/s\n` +
      `  eventsource-parser   ${median(theirsMBs).toFixed(1).padStart(8)} MB/s\n` +
      `  ratio                ${ratio.toFixed(2).padStart(8)}x` +
      ` (median of ${corpus.runs} runs after 2 warm-ups)`,
  );
  return same && ratio >= TARGET_RATIO;
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
  console.log(`Node ${process.version}, MB = 10^6 bytes, eventsource-parser fed by TextDecoder`);
  const results = corpora.map(bench);
  console.log(
    `ratio >= ${TARGET_RATIO} on every corpus (with identical output): ` +
      (results.every(Boolean) ? 'yes' : 'no'),
  );
}

main();
