import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { NOTIFICATIONS_KEPT } from '../src/recent.ts';
import type { NotificationList } from '../src/wire.ts';
import { call, eventually, login, startServer, type Server } from './helpers.ts';

describe('GET /api/notifications', () => {
  let server: Server;
  before(async () => (server = await startServer({ faults: true })));
  after(() => server.stop());

  const list = async (cookie: string) => {
    const { status, body } = await call(`${server.url}/api/notifications`, { cookie });
    assert.equal(status, 200);
    return (body as NotificationList).items.map((n) => n.title);
  };
  const notify = (cookie: string, title: string) =>
    call(`${server.url}/api/notifications`, { cookie, json: { level: 'INFO', title } });
  const load = (cookie: string, count: number, broadcast: boolean) =>
    call(`${server.url}/api/load`, {
      cookie,
      json: { event: 'notification', count, ratePerSec: 10_000, broadcast },
    });

  it("lists the user's own and broadcast notifications, newest first, nobody else's", async () => {
    const alice = await login(server.url, 'alice');
    const bob = await login(server.url, 'bob');
    await notify(alice, 'first');
    await notify(bob, 'for bob');
    await load(bob, 1, true);
    await eventually(async () => (await list(alice)).length === 2);
    await notify(alice, 'second');
    assert.deepEqual(await list(alice), ['second', 'load 1/1', 'first']);
    assert.deepEqual(await list(bob), ['load 1/1', 'for bob']);
  });

  it(`keeps the latest ${NOTIFICATIONS_KEPT}`, async () => {
    const carol = await login(server.url, 'carol');
    const count = NOTIFICATIONS_KEPT + 5;
    await load(carol, count, false);
    await eventually(async () => (await list(carol))[0] === `load ${count}/${count}`);
    const titles = await list(carol);
    assert.equal(titles.length, NOTIFICATIONS_KEPT);
    assert.equal(titles.at(-1), `load 6/${count}`);
  });

  it('needs a session', async () => {
    const { status, body } = await call(`${server.url}/api/notifications`);
    assert.equal(status, 401);
    assert.equal((body as { error: string }).error, 'unauthorized');
  });
});
