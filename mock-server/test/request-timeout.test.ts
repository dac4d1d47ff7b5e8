import assert from 'node:assert/strict';
import { connect, type Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';

import { call, startServer, type Server } from './helpers.ts';
import { SseStream } from './sse-client.ts';

const TIMEOUT_MS = 400;

/**
 * Sends `head` at once, then `drip` every 100 ms (a slowloris client), and resolves with what
 * the server answered when it closed the socket, and after how long.
 */
function slowRequest(base: string, head: string, drip: string): Promise<[string, number]> {
  const { hostname, port } = new URL(base);
  const started = Date.now();
  return new Promise((resolve) => {
    const socket: Socket = connect(Number(port), hostname, () => socket.write(head));
    const timer = setInterval(() => socket.writable && socket.write(drip), 100);
    let received = '';
    socket.on('data', (chunk) => (received += chunk.toString()));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearInterval(timer);
      resolve([received, Date.now() - started]);
    });
  });
}

describe('requests that arrive too slowly', () => {
  let server: Server;
  before(async () => (server = await startServer({ requestTimeoutMs: TIMEOUT_MS, tickMs: 100 })));
  after(() => server.stop());

  it('answers a body dripping in byte by byte with the JSON 408, then closes', async () => {
    const head =
      'POST /api/session HTTP/1.1\r\nHost: 127.0.0.1\r\n' +
      'Content-Type: application/json\r\nContent-Length: 16000\r\n\r\n{';
    const [answer, ms] = await slowRequest(server.url, head, ' ');
    assert.match(answer, /^HTTP\/1\.1 408 /);
    assert.match(answer, /\{"error":"request-timeout","detail":"[^"]+"\}$/);
    // Node checks at most once per timeout: well within ten of them.
    assert.ok(ms < 10 * TIMEOUT_MS, `closed after ${ms} ms`);
  });

  it('answers headers dripping in line by line the same way', async () => {
    const [answer] = await slowRequest(server.url, 'GET /api/health HTTP/1.1\r\n', 'X-A: b\r\n');
    assert.match(answer, /^HTTP\/1\.1 408 /);
    assert.match(answer, /"error":"request-timeout"/);
  });

  it('closes the connection after answering before the body arrived: one answer, no 408 after it', async () => {
    // No session: the 401 comes from an onRequest hook, before the body is read.
    const head =
      'POST /api/notifications HTTP/1.1\r\nHost: 127.0.0.1\r\n' +
      'Content-Type: application/json\r\nContent-Length: 16000\r\n\r\n{';
    const [answer, ms] = await slowRequest(server.url, head, ' ');
    assert.match(answer, /^HTTP\/1\.1 401 /);
    assert.match(answer, /connection: close/i);
    assert.equal(answer.match(/HTTP\/1\.1 /g)?.length, 1, answer);
    assert.ok(ms < TIMEOUT_MS, `closed after ${ms} ms`);
  });

  it('leaves an event stream open past the limit: its request arrived whole', async () => {
    const stream = await SseStream.open(`${server.url}/api/ticks`);
    const ticks = () => stream.frames.filter((f) => f.event === 'tick').length;
    const openedAt = Date.now();
    await stream.waitFor(() => Date.now() - openedAt > 3 * TIMEOUT_MS && ticks() >= 10);
    assert.equal((await call(`${server.url}/api/health`)).status, 200);
    stream.close();
  });
});
