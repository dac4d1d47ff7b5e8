import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { after, before, describe, it } from 'node:test';

import { call, eventually, login, startServer, streamsOf, type Server } from './helpers.ts';

/** An HTTP/1.0 stream read from a raw socket: what arrived, and whether the server closed it. */
interface RawStream {
  text: () => string;
  /** Resolves with everything received once the server closed the connection (a FIN, not a reset). */
  closed: Promise<string>;
}

function openRaw(base: string, request: string): RawStream {
  const { hostname, port } = new URL(base);
  const socket = connect(Number(port), hostname, () => socket.write(request));
  let text = '';
  socket.setEncoding('latin1');
  socket.on('data', (chunk: string) => (text += chunk));
  const closed = new Promise<string>((resolve, reject) => {
    socket.on('end', () => resolve(text));
    socket.on('error', reject);
  });
  return { text: () => text, closed };
}

describe('HTTP/1.0 event streams', () => {
  let server: Server;
  before(async () => (server = await startServer({ faults: true, tickMs: 50 })));
  after(() => server.stop());

  /** The response head, each header line ending with CRLF. */
  const headOf = (text: string) => text.slice(0, text.indexOf('\r\n\r\n') + 2);

  it('say Connection: close (not keep-alive), and flow unchunked', async () => {
    const request = 'GET /api/ticks HTTP/1.0\r\nConnection: keep-alive\r\n\r\n';
    const stream = openRaw(server.url, request);
    await eventually(() => (stream.text().match(/event: tick/g) ?? []).length >= 2);
    const head = headOf(stream.text());
    assert.match(head, /^HTTP\/1\.1 200 OK\r\n/);
    assert.match(head, /\r\nconnection: close\r\n/i);
    assert.doesNotMatch(head, /keep-alive/i);
    assert.doesNotMatch(head, /transfer-encoding/i);
    assert.match(head, /\r\ncontent-type: text\/event-stream/i);
    // The body is the SSE text itself, with no chunk sizes between frames.
    const body = stream.text().slice(head.length + 2);
    assert.match(body, /^event: tick\nid: 1\n/);
    assert.doesNotMatch(body, /^[0-9a-f]+\r$/m);
    assert.match(body, /\n\nevent: tick\nid: \d+\ndata: \{"n":\d+,"at":\d+\}\n\n/);
  });

  it('end cleanly: the last comment says why, then the server closes the connection', async () => {
    const cookie = await login(server.url, 'alice');
    const stream = openRaw(
      server.url,
      `GET /api/events?topics=notifications HTTP/1.0\r\nCookie: ${cookie}\r\n\r\n`,
    );
    await eventually(async () => (await streamsOf(server.url, 'alice')) === 1);
    await call(`${server.url}/api/notifications`, {
      cookie,
      json: { level: 'INFO', title: 'over 1.0' },
    });
    await eventually(() => stream.text().includes('"title":"over 1.0"'));
    assert.match(headOf(stream.text()), /\r\nconnection: close\r\n/i);
    await call(`${server.url}/api/session`, { method: 'DELETE', cookie });
    const text = await stream.closed;
    assert.ok(text.endsWith(': stream ended: session ended\n\n'), JSON.stringify(text.slice(-80)));
    await eventually(async () => (await streamsOf(server.url, 'alice')) === 0);
  });

  it('keep Connection: keep-alive on HTTP/1.1, chunked', async () => {
    const stream = openRaw(server.url, 'GET /api/ticks HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    await eventually(() => stream.text().includes('event: tick'));
    const head = headOf(stream.text());
    assert.match(head, /\r\nconnection: keep-alive\r\n/i);
    assert.match(head, /\r\ntransfer-encoding: chunked\r\n/i);
  });
});
