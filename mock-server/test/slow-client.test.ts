import assert from 'node:assert/strict';
import { connect, type Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';

import { call, eventually, login, startServer, streamsOf, type Server } from './helpers.ts';
import { SseStream } from './sse-client.ts';

const MAX_BUFFER_BYTES = 64 * 1024;

/** A client that sends the request and then never reads a byte. */
function stalledReader(url: string, cookie: string): Promise<Socket> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => {
      socket.write(
        `GET /api/events?topics=notifications HTTP/1.1\r\nHost: ${hostname}\r\nCookie: ${cookie}\r\n\r\n`,
      );
      socket.pause();
      resolve(socket);
    });
    socket.on('error', () => undefined); // the server resets it; that is the point
    socket.once('error', reject);
  });
}

describe('a client that stops reading', () => {
  let server: Server;
  const lines: string[] = [];
  before(async () => {
    server = await startServer({
      faults: true,
      maxBufferBytes: MAX_BUFFER_BYTES,
      // Six concurrent bursts from one session: over the default cap of 4 runs per session.
      maxLoadsPerSession: 6,
      log: (l) => lines.push(l),
    });
  });
  after(() => server.stop());

  it(
    'is disconnected once over its buffer, and the server stays healthy',
    { timeout: 20_000 },
    async () => {
      const slow = await login(server.url, 'slow');
      const socket = await stalledReader(server.url, slow);
      await eventually(async () => (await streamsOf(server.url, 'slow')) === 1);

      // Loopback kernel buffers absorb a few MB before write() pushes back: send well over that.
      const burst = { event: 'notification', count: 10_000, ratePerSec: 10_000 };
      for (let i = 0; i < 6; i++) {
        assert.equal(
          (await call(`${server.url}/api/load`, { cookie: slow, json: burst })).status,
          202,
        );
      }

      await eventually(async () => (await streamsOf(server.url, 'slow')) === 0, 15_000);
      const reason = /closed .*\(slow client: over 65536 buffered bytes\) user=slow/;
      assert.ok(
        lines.some((line) => reason.test(line)),
        lines.join('\n'),
      );

      const fast = await login(server.url, 'fast');
      const reader = await SseStream.open(`${server.url}/api/events?topics=notifications`, fast);
      await call(`${server.url}/api/notifications`, {
        cookie: fast,
        json: { level: 'INFO', title: 'ok' },
      });
      await reader.waitFor((f) => f.some((x) => x.event === 'notification'));
      assert.equal((await call(`${server.url}/api/health`)).status, 200);
      reader.close();
      socket.destroy();
    },
  );
});
