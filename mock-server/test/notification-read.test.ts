import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import type { ListedNotification, NotificationReadReply } from '../src/wire.ts';
import { call, login, startServer, type Server } from './helpers.ts';
import { dataOf, SseStream } from './sse-client.ts';

describe('POST /api/notifications/read', () => {
  let server: Server;
  before(async () => (server = await startServer()));
  after(() => server.stop());

  const notify = async (cookie: string, title: string) =>
    (await call(`${server.url}/api/notifications`, { cookie, json: { level: 'INFO', title } }))
      .body as ListedNotification;
  const read = (cookie: string, json: unknown) =>
    call(`${server.url}/api/notifications/read`, { cookie, json });
  const list = async (cookie: string) =>
    (
      (await call(`${server.url}/api/notifications`, { cookie })).body as {
        items: ListedNotification[];
      }
    ).items.map(({ title, read }) => [title, read]);

  it('marks read for every stream of the user and in the list; unknown ids come back', async () => {
    const alice = await login(server.url, 'alice');
    const first = await notify(alice, 'first');
    await notify(alice, 'second');
    const tab = await SseStream.open(`${server.url}/api/events?topics=notifications`, alice);
    const response = await read(alice, { ids: [first.id, first.id, 'nope'] });
    assert.equal(response.status, 200);
    assert.deepEqual(response.body as NotificationReadReply, {
      ids: [first.id],
      unknown: ['nope'],
    });
    const [event] = await tab.waitFor((frames) =>
      frames.some((f) => f.event === 'notification-read'),
    );
    assert.ok(event);
    assert.deepEqual(dataOf(tab.named('notification-read')[0]), { ids: [first.id] });
    tab.close();
    assert.deepEqual(await list(alice), [
      ['second', false],
      ['first', true],
    ]);
    // Marking again changes nothing and tells no stream.
    assert.deepEqual((await read(alice, { ids: [first.id] })).body, { ids: [], unknown: [] });
  });

  it("is per user: another user's ids are unknown", async () => {
    const bob = await login(server.url, 'bob');
    const carol = await login(server.url, 'carol');
    const own = await notify(bob, 'for bob');
    assert.deepEqual((await read(carol, { ids: [own.id] })).body, { ids: [], unknown: [own.id] });
    assert.deepEqual(await list(bob), [['for bob', false]]);
  });

  it('rejects bad bodies with 400 naming the field, and needs a session', async () => {
    const dave = await login(server.url, 'dave');
    const cases: unknown[] = [{}, { ids: [] }, { ids: 'x' }, { ids: [''] }, { ids: [5] }, []];
    cases.push({ ids: Array.from({ length: 501 }, (_, i) => `id-${i}`) });
    cases.push({ ids: ['x'.repeat(101)] });
    for (const json of cases) {
      const response = await read(dave, json);
      assert.equal(response.status, 400, JSON.stringify(json).slice(0, 80));
      assert.equal((response.body as { error: string }).error, 'bad-request');
    }
    const anonymous = await call(`${server.url}/api/notifications/read`, { json: { ids: ['x'] } });
    assert.equal(anonymous.status, 401);
  });
});
