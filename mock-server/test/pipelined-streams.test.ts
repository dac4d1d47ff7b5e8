import assert from 'node:assert/strict';
import { connect, type Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';

import type { Health } from '../src/wire.ts';
import { call, eventually, login, startServer, type Server } from './helpers.ts';
import { HOST } from './raw-http.ts';

/**
 * Stream requests pipelined on one connection: Node queues the second response behind the
 * first, an event stream that never ends, so it never gets a socket, and when the client goes
 * its stream must still be forgotten, or it holds a slot of every cap for ever.
 */
describe('stream requests pipelined behind an open stream', () => {
  let server: Server;
  let cookie: string;
  before(async () => {
    server = await startServer({ maxTicksPerAddress: 2 });
    cookie = await login(server.url, 'piper');
  });
  after(() => server.stop());

  const health = async () => (await call(`${server.url}/api/health`)).body as Health;
  const get = (path: string) =>
    `GET ${path} HTTP/1.1\r\n${HOST}Accept: text/event-stream\r\nCookie: ${cookie}\r\n\r\n`;

  /** Sends `bytes` on one socket; resolves once `opened` streams are counted open. */
  async function pipeline(bytes: string, opened: number): Promise<Socket> {
    const socket = connect(Number(new URL(server.url).port), '127.0.0.1', () =>
      socket.write(bytes),
    );
    socket.on('error', () => undefined);
    socket.resume();
    await eventually(async () => (await health()).streamCaps.open === opened);
    return socket;
  }

  it('forgets every stream of the connection when the client closes it', async () => {
    const socket = await pipeline(get('/api/events') + get('/api/events') + get('/api/ticks'), 3);
    assert.equal((await health()).streams.total, 3);
    socket.destroy();
    await eventually(async () => {
      const { streams, streamCaps } = await health();
      return streams.total === 0 && streamCaps.open === 0;
    });
  });

  it('frees the per-address /api/ticks slots of pipelined tick streams', async () => {
    const socket = await pipeline(get('/api/ticks') + get('/api/ticks'), 2);
    assert.equal((await call(`${server.url}/api/ticks`)).status, 429, 'both slots taken');
    socket.destroy();
    await eventually(async () => (await health()).streamCaps.open === 0);
    const again = await fetch(`${server.url}/api/ticks`, {
      headers: { accept: 'text/event-stream' },
    });
    assert.equal(again.status, 200);
    await again.body?.cancel();
  });
});
