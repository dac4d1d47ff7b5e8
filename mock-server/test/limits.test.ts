import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { Health, SessionStatus } from '../src/wire.ts';
import { call, delay, eventually, login, startServer } from './helpers.ts';
import { SseStream } from './sse-client.ts';

const loginStatus = async (base: string, username: string) =>
  (await call(`${base}/api/session`, { json: { username } })).status;

describe('bounded anonymous cost', () => {
  it('answers 429 with Retry-After past the login rate of one address', async () => {
    const server = await startServer();
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 1000; i++) {
      const response = await call(`${server.url}/api/session`, { json: { username: `u${i}` } });
      statuses.push(response.status);
      retryAfter ??= response.headers.get('retry-after');
      if (response.status === 429) {
        assert.equal((response.body as { error: string }).error, 'too-many-logins');
      }
    }
    assert.equal(statuses.filter((s) => s === 200).length, 60, 'the documented 60 a minute');
    assert.ok(statuses.slice(60).every((s) => s === 429));
    assert.match(retryAfter ?? '', /^\d+$/);
    assert.ok(Number(retryAfter) >= 1 && Number(retryAfter) <= 60);
    await server.stop();
  });

  it('expires idle sessions, with their user state, but not one with an open stream', async () => {
    const server = await startServer({ sessionTtlMs: 200 });
    const idle = await login(server.url, 'idle');
    const busy = await login(server.url, 'busy');
    const stream = await SseStream.open(`${server.url}/api/events?topics=jobs`, busy);
    // Polling health, not the session: a request with the cookie would keep it alive.
    const sessions = async () => ((await call(`${server.url}/api/health`)).body as Health).sessions;
    await eventually(async () => (await sessions()) === 1);
    const userOf = async (cookie: string) =>
      ((await call(`${server.url}/api/session`, { cookie })).body as SessionStatus).username;
    assert.equal(await userOf(idle), null);
    await delay(400);
    assert.equal(await userOf(busy), 'busy');
    stream.close();
    await server.stop();
  });

  it('caps live sessions: 503 with Retry-After until some expire', async () => {
    const server = await startServer({ maxSessions: 3 });
    for (const user of ['a', 'b', 'c']) assert.equal(await loginStatus(server.url, user), 200);
    const full = await call(`${server.url}/api/session`, { json: { username: 'd' } });
    assert.equal(full.status, 503);
    assert.equal((full.body as { error: string }).error, 'too-many-sessions');
    assert.match(full.headers.get('retry-after') ?? '', /^\d+$/);
    await server.stop();
  });

  it('caps /api/ticks streams per address (1,000 tried) and in all', async () => {
    const server = await startServer({ maxTicksPerAddress: 10 });
    const open: SseStream[] = [];
    const statuses = new Map<number, number>();
    for (let i = 0; i < 1000; i++) {
      const stream = await SseStream.open(`${server.url}/api/ticks`);
      const { status } = stream.response;
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      if (status === 200) open.push(stream);
      else if (i === 999) assert.match(stream.response.headers.get('retry-after') ?? '', /^\d+$/);
    }
    assert.deepEqual(Object.fromEntries(statuses), { 200: 10, 429: 990 });
    open.pop()!.close();
    const again = await eventually(async () => {
      const stream = await SseStream.open(`${server.url}/api/ticks`);
      return stream.response.status === 200 ? stream : undefined;
    });
    again?.close();
    open.forEach((stream) => stream.close());
    await server.stop();

    const small = await startServer({ maxTicks: 2 });
    const two = [
      await SseStream.open(`${small.url}/api/ticks`),
      await SseStream.open(`${small.url}/api/ticks`),
    ];
    const third = await call(`${small.url}/api/ticks`);
    assert.equal(third.status, 503);
    assert.deepEqual((third.body as { detail: unknown }).detail, { scope: 'server', limit: 2 });
    two.forEach((stream) => stream.close());
    await small.stop();
  });
});
