// A scripted SSE endpoint served by Karma itself, so the fetch transport is tested over real HTTP.
// Each request names a `key`; the stub counts requests per key and records when clients disconnect.
const counts = new Map();
const closed = new Set();

const STREAM_HEADERS = {
  'Content-Type': 'text/event-stream; charset=utf-8',
  'Cache-Control': 'no-cache',
};

function readBody(req) {
  return new Promise((resolve) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => resolve(body));
  });
}

/** A header as the client meant it: Node reads header bytes as Latin-1, fetch sends ids as UTF-8. */
function utf8Header(value) {
  return value === undefined ? null : Buffer.from(value, 'latin1').toString('utf8');
}

/**
 * Ends the stream after one `echo` event describing the request, so the client reconnects.
 * `contentType` overrides the stream's Content-Type.
 */
function echo(req, res, count, body, contentType) {
  const data = JSON.stringify({
    count,
    method: req.method,
    body,
    accept: req.headers['accept'] ?? null,
    authorization: req.headers['authorization'] ?? null,
    lastEventId: utf8Header(req.headers['last-event-id']),
    url: req.url,
  });
  res.writeHead(
    200,
    contentType ? { ...STREAM_HEADERS, 'Content-Type': contentType } : STREAM_HEADERS,
  );
  res.end(`retry: 10\n: hello\n\nid: e${count}\nevent: echo\ndata: ${data}\n\n`);
}

/**
 * Keeps the stream open with comments every 50 ms; first (unless `quiet`) one `held` event with
 * the request's Authorization and Last-Event-ID.
 */
function hold(req, res, key, quiet) {
  res.writeHead(200, STREAM_HEADERS);
  const data = JSON.stringify({
    held: true,
    authorization: req.headers['authorization'] ?? null,
    lastEventId: utf8Header(req.headers['last-event-id']),
  });
  if (!quiet) res.write(`id: h1\nevent: held\ndata: ${data}\n\n`);
  const timer = setInterval(() => res.write(': ping\n\n'), 50);
  res.on('close', () => {
    clearInterval(timer);
    closed.add(key);
  });
}

function createStub() {
  return async (req, res, next) => {
    const url = new URL(req.url, 'http://stub');
    if (!url.pathname.startsWith('/sse-stub/')) return next();
    const route = url.pathname.slice('/sse-stub/'.length);
    const key = url.searchParams.get('key') ?? '';
    if (route === 'stats') {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      return res.end(JSON.stringify({ count: counts.get(key) ?? 0, closed: closed.has(key) }));
    }
    const count = (counts.get(key) ?? 0) + 1;
    counts.set(key, count);
    const body = await readBody(req);

    const failTimes = Number(url.searchParams.get('times') ?? Infinity);
    const code = Number(url.searchParams.get('code'));
    if (route === 'status' && count <= failTimes) {
      const retryAfter = url.searchParams.get('retryAfter');
      res.writeHead(code, retryAfter ? { 'Retry-After': retryAfter } : {});
      return res.end(code === 204 ? undefined : `status ${code}`);
    }
    switch (route) {
      case 'redirect': {
        // A redirect (`code`, 307 by default) to `echo` under the same key, which then counts 2.
        const to = `/sse-stub/echo?key=${encodeURIComponent(key)}`;
        res.writeHead(code || 307, { Location: to });
        return res.end();
      }
      case 'status':
        // After its failures: `then=hold` holds the stream open, otherwise one echo.
        if (url.searchParams.get('then') === 'hold') return hold(req, res, key, false);
        return echo(req, res, count, body);
      case 'echo':
        return echo(req, res, count, body, url.searchParams.get('contentType'));
      case 'id':
        // One event with the id given, then the end; the reconnect is echoed.
        if (count > 1) return echo(req, res, count, body);
        res.writeHead(200, STREAM_HEADERS);
        return res.end(`id: ${url.searchParams.get('id')}\nevent: a\ndata: 1\n\n`);
      case 'reset':
        // An event with an id, then one that resets it (`id:` empty), then the end.
        if (count > 1) return echo(req, res, count, body);
        res.writeHead(200, STREAM_HEADERS);
        return res.end('id: r1\nevent: a\ndata: 1\n\nid:\nevent: a\ndata: 2\n\n');
      case 'head':
        // Only a resume point (`id:` with no data, as a server's first frame), then the end.
        if (count > 1) return echo(req, res, count, body);
        res.writeHead(200, STREAM_HEADERS);
        return res.end(`id: ${url.searchParams.get('id')}\n\n`);
      case 'mixed':
        // First an `a` event, then two of a name the client may not subscribe to, then the end.
        if (count > 1) return echo(req, res, count, body);
        res.writeHead(200, STREAM_HEADERS);
        return res.end(
          'id: m1\nevent: a\ndata: 1\n\nid: m2\nevent: b\ndata: 2\n\nid: m3\nevent: b\ndata: 3\n\n',
        );
      case 'type':
        res.writeHead(200, { 'Content-Type': 'text/html' });
        return res.end('<html></html>');
      case 'big':
        res.writeHead(200, STREAM_HEADERS);
        return res.end(`event: big\ndata: ${'x'.repeat(4096)}\n\n`);
      case 'hold':
      case 'quiet':
        return hold(req, res, key, route === 'quiet');
      default:
        res.writeHead(404);
        return res.end();
    }
  };
}

module.exports = { 'middleware:sse-stub': ['factory', createStub] };
