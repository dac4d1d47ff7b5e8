// The loopback server of `npm run bench:delivery`: the built bench pages and one SSE stream per
// run, held open until the script says go, so the page is idle when the measurement starts.
import { readFileSync, existsSync, statSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

/** A stream shape: `burst` as fast as the socket takes it, or `paced` at `rate` events/s. */
export type Scenario =
  { kind: 'burst'; events: number } | { kind: 'paced'; rate: number; seconds: number };

export interface DeliveryServer {
  base: string;
  /** Resolves when the page has opened the stream `id`. */
  connected(id: string): Promise<void>;
  /** Starts sending on stream `id`; returns the start time (ms since epoch). */
  start(id: string, scenario: Scenario): number;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};
const CHUNK_BYTES = 64 * 1024;

/** Epoch ms with sub-ms precision, on the same basis as the page's clock. */
const now = () => performance.timeOrigin + performance.now();

/** One small JSON event; `t` is its send time, 0 in a burst (no latency is read there). */
function eventText(i: number, t: number): string {
  return `id: ${i}\ndata: {"i":${i},"t":${t.toFixed(3)},"name":"tick","value":${(i % 1000) / 10}}\n\n`;
}

/** The burst, prebuilt as ~64 KiB buffers so the send loop costs the server nothing per event. */
function burstChunks(events: number): Buffer[] {
  const chunks: Buffer[] = [];
  let parts: string[] = [];
  let size = 0;
  for (let i = 1; i <= events; i++) {
    const text = eventText(i, 0);
    parts.push(text);
    size += text.length;
    if (size >= CHUNK_BYTES || i === events) {
      chunks.push(Buffer.from(parts.join('')));
      parts = [];
      size = 0;
    }
  }
  return chunks;
}

async function sendBurst(res: ServerResponse, chunks: Buffer[]): Promise<void> {
  for (const chunk of chunks) {
    if (res.destroyed) return;
    if (!res.write(chunk)) await new Promise((resolve) => res.once('drain', resolve));
  }
}

function sendPaced(res: ServerResponse, rate: number, seconds: number, startedAt: number): void {
  const total = rate * seconds;
  let sent = 0;
  // Every millisecond (as far as Node's timers go), everything that is due, stamped now.
  const timer = setInterval(() => {
    const at = now();
    const due = Math.min(total, Math.floor(((at - startedAt) * rate) / 1000));
    let text = '';
    while (sent < due) text += eventText(++sent, at);
    if (text) res.write(text);
    if (sent >= total || res.destroyed) clearInterval(timer);
  }, 1);
  res.once('close', () => clearInterval(timer));
}

/**
 * Serves `roots` (URL prefix → directory, index.html as fallback) and `/sse/<id>` on 127.0.0.1
 * at an ephemeral port.
 *
 * @example
 * const server = await startDeliveryServer({ '/plain/': 'dist/bench-delivery/browser' });
 */
export async function startDeliveryServer(roots: Record<string, string>): Promise<DeliveryServer> {
  const streams = new Map<string, ServerResponse>();
  const waiters = new Map<string, () => void>();
  const bursts = new Map<number, Buffer[]>();
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const sse = /^\/sse\/([\w-]+)$/.exec(url.pathname);
    if (sse) {
      const id = sse[1];
      res.writeHead(200, {
        'Content-Type': 'text/event-stream',
        'Cache-Control': 'no-cache',
        Connection: 'keep-alive',
      });
      // A long retry, so a dropped stream shows as missing events rather than a reconnect loop.
      res.write('retry: 600000\n\n');
      streams.set(id, res);
      res.once('close', () => streams.delete(id));
      waiters.get(id)?.();
      return;
    }
    const prefix = Object.keys(roots).find((p) => url.pathname.startsWith(p));
    if (!prefix) {
      res.writeHead(404, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ error: 'not found', detail: url.pathname }));
      return;
    }
    const root = roots[prefix];
    let file = normalize(join(root, url.pathname.slice(prefix.length)));
    if (!file.startsWith(normalize(root)) || !existsSync(file) || statSync(file).isDirectory()) {
      file = join(root, 'index.html');
    }
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    connected: (id) =>
      streams.has(id)
        ? Promise.resolve()
        : new Promise((resolve) => waiters.set(id, () => resolve())),
    start(id, scenario) {
      const res = streams.get(id);
      if (!res) throw new Error(`stream ${id} is not open`);
      if (scenario.kind === 'paced') {
        const startedAt = now();
        sendPaced(res, scenario.rate, scenario.seconds, startedAt);
        return startedAt;
      }
      let chunks = bursts.get(scenario.events);
      if (!chunks) bursts.set(scenario.events, (chunks = burstChunks(scenario.events)));
      const startedAt = now();
      void sendBurst(res, chunks);
      return startedAt;
    },
    close: () =>
      new Promise((resolve) => {
        for (const res of streams.values()) res.destroy();
        server.close(() => resolve());
      }),
  };
}
