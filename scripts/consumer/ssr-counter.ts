// The loopback SSE endpoint of the SSR check: it counts every request per path, so the check can
// prove that prerendering and server rendering opened nothing, and that the hydrated page
// connected exactly once per stream. Run: node --import tsx scripts/consumer/ssr-counter.ts
// It listens on the first free port of 4940–4959 and prints `ssr-counter: listening <port>`.
import { createServer, type ServerResponse } from 'node:http';

const counts: Record<string, number> = { events: 0, ticks: 0, preflight: 0, other: 0 };

/** The events each stream sends once connected; the stream then stays open. */
const frames: Record<string, string> = {
  '/events': 'id: 1\nevent: greeting\ndata: {"text":"hello"}\n\n',
  '/ticks': 'id: 1\nevent: tick\ndata: {"n":2}\n\nid: 2\nevent: tick\ndata: {"n":3}\n\n',
};

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
  res.end(JSON.stringify(body));
}

const server = createServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
  if (path === '/count') return json(res, 200, counts);
  if (req.method === 'OPTIONS') {
    // Counted apart: a preflight is not a connection, but one the page should not need is news.
    counts['preflight']++;
    res.writeHead(204, {
      'access-control-allow-origin': '*',
      'access-control-allow-headers': '*',
      'access-control-allow-methods': 'GET',
    });
    return res.end();
  }
  const frame = frames[path];
  if (req.method !== 'GET' || frame === undefined) {
    counts['other']++;
    return json(res, 404, { error: 'not-found', detail: `${req.method} ${path}` });
  }
  counts[path.slice(1)]++;
  res.writeHead(200, {
    'content-type': 'text/event-stream',
    'cache-control': 'no-store',
    'access-control-allow-origin': '*',
  });
  res.write(frame);
});

function listen(port: number): void {
  if (port > 4959) throw new Error('ssr-counter: no free port in 4940–4959');
  server.once('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EADDRINUSE') throw error;
    listen(port + 1);
  });
  server.listen(port, '127.0.0.1', () => console.log(`ssr-counter: listening ${port}`));
}

listen(4940);
