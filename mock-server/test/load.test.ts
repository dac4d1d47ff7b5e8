import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { call, login, startServer, type Server } from './helpers.ts';
import { dataOf, SseStream } from './sse-client.ts';

describe('POST /api/load', () => {
  let server: Server;
  let alice: string;
  let bob: string;
  const load = (json: unknown, cookie = alice) => call(`${server.url}/api/load`, { cookie, json });

  before(async () => {
    server = await startServer({ faults: true });
    alice = await login(server.url, 'alice');
    bob = await login(server.url, 'bob');
  });
  after(() => server.stop());

  it('returns 202 at once, then emits count metric events stamped with their send time', async () => {
    const stream = await SseStream.open(`${server.url}/api/events?topics=metrics`, alice);
    const response = await load({ event: 'metric', count: 30, ratePerSec: 300 });
    assert.equal(response.status, 202);
    assert.deepEqual(response.body, {
      event: 'metric',
      count: 30,
      ratePerSec: 300,
      broadcast: false,
      etaMs: 97,
    });
    const frames = await stream.waitFor((f) => f.filter((x) => x.event === 'metric').length === 30);
    const metrics = frames.filter((f) => f.event === 'metric').map((f) => dataOf(f));
    assert.deepEqual(
      metrics.map((m) => m['value']),
      Array.from({ length: 30 }, (_, i) => i + 1),
    );
    assert.ok(metrics.every((m) => m['name'] === 'load' && typeof m['at'] === 'number'));
    stream.close();
  });

  it('sends to everyone with broadcast, only to the caller without', async () => {
    const own = await SseStream.open(`${server.url}/api/events?topics=notifications`, alice);
    const other = await SseStream.open(`${server.url}/api/events?topics=notifications`, bob);
    await load({ event: 'notification', count: 3, ratePerSec: 1000 }, bob);
    await load({ event: 'notification', count: 5, ratePerSec: 1000, broadcast: true });
    await own.waitFor((f) => f.filter((x) => x.event === 'notification').length === 5);
    await other.waitFor((f) => f.filter((x) => x.event === 'notification').length === 8);
    const titles = own.named('notification').map((f) => dataOf(f)['title']);
    assert.deepEqual(titles, ['load 1/5', 'load 2/5', 'load 3/5', 'load 4/5', 'load 5/5']);
    own.close();
    other.close();
  });

  it('bounds count and rate with 400 naming the field', async () => {
    const cases: [unknown, string][] = [
      [{ event: 'metric', count: 100_001, ratePerSec: 10 }, 'count'],
      [{ event: 'metric', count: 0, ratePerSec: 10 }, 'count'],
      [{ event: 'metric', count: 10, ratePerSec: 10_001 }, 'ratePerSec'],
      [{ event: 'metric', count: 10, ratePerSec: 0 }, 'ratePerSec'],
      [{ event: 'tick', count: 10, ratePerSec: 10 }, 'event'],
      [{ event: 'metric', ratePerSec: 10 }, 'count'],
      [{ event: 'metric', count: 1, ratePerSec: 1, broadcast: 'yes' }, 'broadcast'],
      // Longer than MAX_LOAD_SECONDS: it would hold a capped slot for 28 h.
      [{ event: 'metric', count: 100_000, ratePerSec: 1 }, 'count'],
    ];
    for (const [json, field] of cases) {
      const response = await load(json);
      assert.equal(response.status, 400, JSON.stringify(json));
      assert.equal((response.body as { detail: { field: string } }).detail.field, field);
    }
  });
});

describe('GET /api/debug/memory', () => {
  it('reports rss and heapUsed in bytes', async () => {
    const server = await startServer({ faults: true });
    const cookie = await login(server.url, 'alice');
    const { status, body } = await call(`${server.url}/api/debug/memory`, { cookie });
    assert.equal(status, 200);
    const memory = body as { rss: number; heapUsed: number; gcExposed: boolean };
    assert.ok(memory.rss > memory.heapUsed && memory.heapUsed > 0);
    assert.equal(memory.gcExposed, typeof globalThis.gc === 'function');
    await server.stop();
  });
});
