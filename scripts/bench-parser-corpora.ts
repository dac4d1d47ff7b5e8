// Deterministic corpora for `npm run bench:parser`: the same bytes on every run and machine
// (the parser specs' seeded generator).
import { mulberry32 } from '../projects/ngx-sse/src/lib/parser/mulberry32.spec-helper';

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

/**
 * `count` small JSON events (`event`, `id`, ~100-byte `data`) with a comment every 100th.
 *
 * @example
 * smallEvents(100_000, 1)
 */
export function smallEvents(count: number, seed: number): string {
  const random = mulberry32(seed);
  const parts = ['retry: 3000\n\n'];
  for (let i = 0; i < count; i++) parts.push(smallJsonEvent(i, random));
  return parts.join('');
}

/**
 * `count` events of about `eventSize` characters each, in `data:` lines of 26–126 characters.
 *
 * @example
 * largeEvents(1_000, 64 * 1024, 2)
 */
export function largeEvents(count: number, eventSize: number, seed: number): string {
  const random = mulberry32(seed);
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

/**
 * UTF-8 bytes of `text` cut into `size`-byte chunks, as a transport would hand them over.
 *
 * @example
 * chunked(smallEvents(10_000, 3), 1)
 */
export function chunked(text: string, size: number): { bytes: number; chunks: Uint8Array[] } {
  const bytes = new TextEncoder().encode(text);
  const chunks: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  return { bytes: bytes.length, chunks };
}
