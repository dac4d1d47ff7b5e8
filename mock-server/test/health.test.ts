import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { eventually, login, startServer } from './helpers.ts';
import { SseStream } from './sse-client.ts';

interface Health {
  status: string;
  uptimeMs: number;
  streams: { total: number; byUser: Record<string, number> };
}

describe('GET /api/health', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  before(async () => (server = await startServer()));
  after(() => server.stop());
  const health = async () => (await (await fetch(`${server.url}/api/health`)).json()) as Health;

  it('answers 200 with a JSON status, without a session', async () => {
    const response = await fetch(`${server.url}/api/health`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /application\/json/);
    const body = (await response.json()) as Health;
    assert.equal(body.status, 'ok');
    assert.ok(body.uptimeMs >= 0);
    assert.deepEqual(body.streams, { total: 0, byUser: {} });
  });

  it('counts open streams per user, and forgets them when they close', async () => {
    const alice = await login(server.url, 'alice');
    const bob = await login(server.url, 'bob');
    const streams = [
      await SseStream.open(`${server.url}/api/events`, alice),
      await SseStream.open(`${server.url}/api/events`, alice),
      await SseStream.open(`${server.url}/api/events`, bob),
      await SseStream.open(`${server.url}/api/ticks`),
    ];
    const open = await health();
    assert.deepEqual(open.streams, { total: 4, byUser: { alice: 2, bob: 1 } });
    streams.forEach((stream) => stream.close());
    await eventually(async () => (await health()).streams.total === 0);
    assert.deepEqual((await health()).streams.byUser, {});
  });
});
