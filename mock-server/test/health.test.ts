import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import type { DebugStats, Health } from '../src/wire.ts';
import { call, eventually, login, startServer } from './helpers.ts';
import { SseStream } from './sse-client.ts';

describe('GET /api/health and /api/debug/stats', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  before(async () => (server = await startServer({ faults: true })));
  after(() => server.stop());
  const health = async () => (await call(`${server.url}/api/health`)).body as Health;
  const stats = async () => (await call(`${server.url}/api/debug/stats`)).body as DebugStats;

  it('answers 200 with a JSON status, without a session', async () => {
    const response = await fetch(`${server.url}/api/health`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /application\/json/);
    const body = (await response.json()) as Health;
    assert.equal(body.status, 'ok');
    assert.ok(body.uptimeMs >= 0);
    assert.deepEqual(body.streams, { total: 0, users: 0, public: 0 });
  });

  it('counts streams without naming anyone; debug stats name them', async () => {
    const alice = await login(server.url, 'alice');
    const bob = await login(server.url, '__proto__');
    const streams = [
      await SseStream.open(`${server.url}/api/events`, alice),
      await SseStream.open(`${server.url}/api/events`, alice),
      await SseStream.open(`${server.url}/api/events`, bob),
      await SseStream.open(`${server.url}/api/ticks`),
    ];
    const open = await health();
    assert.deepEqual(open.streams, { total: 4, users: 2, public: 1 });
    assert.equal(open.sessions, 2);
    assert.doesNotMatch(JSON.stringify(open), /alice|__proto__/);

    const { users } = await stats();
    assert.deepEqual(users['alice'], { streams: 2, chatRequests: 0 });
    assert.ok(Object.hasOwn(users, '__proto__'), 'a user named __proto__ is listed');
    assert.deepEqual(users['__proto__'], { streams: 1, chatRequests: 0 });

    streams.forEach((stream) => stream.close());
    await eventually(async () => (await health()).streams.total === 0);
    assert.equal((await stats()).users['alice']?.streams, 0);
  });

  it('counts chat requests per user, rejected ones included', async () => {
    const carol = await login(server.url, 'carol');
    for (const prompt of ['hello', '']) {
      await call(`${server.url}/api/chat`, { cookie: carol, json: { prompt } });
    }
    assert.deepEqual((await stats()).users['carol'], { streams: 0, chatRequests: 2 });
  });

  it('has no debug stats without --faults', async () => {
    const plain = await startServer();
    const { status, body } = await call(`${plain.url}/api/debug/stats`);
    assert.equal(status, 404);
    assert.equal((body as { error: string }).error, 'not-found');
    await plain.stop();
  });
});
