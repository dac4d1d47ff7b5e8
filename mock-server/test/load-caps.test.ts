import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';

import { parseCli, usage } from '../src/cli.ts';
import type { Health, LoadCaps } from '../src/wire.ts';
import { call, delay, eventually, login, startServer, type Server } from './helpers.ts';
import { SseStream } from './sse-client.ts';

describe('caps on concurrent POST /api/load runs: per session and in all', () => {
  let server: Server;
  afterEach(() => server.stop());

  const health = async () => (await call(`${server.url}/api/health`)).body as Health;
  const running = async (n: number) =>
    eventually(async () => (await health()).loadCaps?.running === n);
  /** About 10 s of metric events: a run still going when the test looks. */
  const long = { event: 'metric', count: 1000, ratePerSec: 100 };
  const load = (cookie: string, json: unknown = long) =>
    call(`${server.url}/api/load`, { cookie, json });

  it('refuses a run over the session cap with 429 too-many-loads and Retry-After', async () => {
    server = await startServer({ faults: true, maxLoadsPerSession: 2, maxLoads: 10 });
    const alice = await login(server.url, 'alice');
    assert.equal((await load(alice)).status, 202);
    assert.equal((await load(alice)).status, 202);
    const refused = await load(alice);
    assert.equal(refused.status, 429);
    assert.match(refused.headers.get('content-type') ?? '', /^application\/json/);
    assert.deepEqual(refused.body, {
      error: 'too-many-loads',
      detail: { scope: 'session', limit: 2 },
    });
    // The first run is due to end about 10 s from now: that is when a slot frees.
    const retryAfter = Number(refused.headers.get('retry-after'));
    assert.ok(retryAfter >= 8 && retryAfter <= 11, `Retry-After: ${retryAfter}`);
    // Another session has its own slots.
    assert.equal((await load(await login(server.url, 'bob'))).status, 202);
    assert.deepEqual((await health()).loadCaps, {
      running: 3,
      max: 10,
      perSession: 2,
    } satisfies LoadCaps);
  });

  it('refuses a run over the server-wide cap with 503, whoever asks', async () => {
    server = await startServer({ faults: true, maxLoadsPerSession: 2, maxLoads: 2 });
    assert.equal((await load(await login(server.url, 'alice'))).status, 202);
    assert.equal((await load(await login(server.url, 'bob'))).status, 202);
    const refused = await load(await login(server.url, 'carol'));
    assert.equal(refused.status, 503);
    assert.ok(Number(refused.headers.get('retry-after')) >= 1);
    assert.deepEqual(refused.body, {
      error: 'too-many-loads',
      detail: { scope: 'global', limit: 2 },
    });
  });

  it('frees the slot when a run has sent its last event', async () => {
    server = await startServer({ faults: true, maxLoadsPerSession: 1 });
    const alice = await login(server.url, 'alice');
    const stream = await SseStream.open(`${server.url}/api/events?topics=metrics`, alice);
    const short = { event: 'metric', count: 3, ratePerSec: 100 };
    assert.equal((await load(alice, short)).status, 202);
    await stream.waitFor((f) => f.filter((x) => x.event === 'metric').length === 3);
    await running(0);
    assert.equal((await load(alice, short)).status, 202);
    await stream.waitFor((f) => f.filter((x) => x.event === 'metric').length === 6);
    stream.close();
  });

  it('stops a session’s runs and frees their slots when the session ends', async () => {
    server = await startServer({ faults: true, maxLoadsPerSession: 1, maxLoads: 1 });
    const alice = await login(server.url, 'alice');
    const watcher = await login(server.url, 'bob');
    const stream = await SseStream.open(`${server.url}/api/events?topics=metrics`, watcher);
    assert.equal((await load(alice, { ...long, broadcast: true })).status, 202);
    await stream.waitFor((f) => f.some((x) => x.event === 'metric'));
    assert.equal(
      (await call(`${server.url}/api/session`, { method: 'DELETE', cookie: alice })).status,
      204,
    );
    await running(0);
    const seen = stream.named('metric').length;
    await delay(300);
    assert.ok(stream.named('metric').length <= seen + 1, 'the run stopped with its session');
    // The server-wide slot is free again for anyone.
    assert.equal((await load(watcher, { ...long, count: 1 })).status, 202);
    stream.close();
  });

  it('shows the caps on /api/health only with --faults; flags and variables set them', async () => {
    server = await startServer();
    assert.equal((await health()).loadCaps, undefined);
    await server.stop();
    server = await startServer({ faults: true });
    assert.deepEqual((await health()).loadCaps, { running: 0, max: 8, perSession: 4 });

    const config = parseCli(['--max-loads', '3'], { MOCK_MAX_LOADS_PER_SESSION: '2' });
    assert.equal(config.options.maxLoads, 3);
    assert.equal(config.options.maxLoadsPerSession, 2);
    assert.throws(() => parseCli(['--max-loads', '0'], {}), /--max-loads must be an integer/);
    assert.match(usage(), /--max-loads-per-session N +MOCK_MAX_LOADS_PER_SESSION/);
  });
});
