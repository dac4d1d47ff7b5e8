import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { HistoryReset } from '../src/wire.ts';
import { call, login, startServer } from './helpers.ts';
import { dataOf, SseStream } from './sse-client.ts';

const notify = (base: string, cookie: string, title: string) =>
  call(`${base}/api/notifications`, { cookie, json: { level: 'INFO', title } });

describe('resume points that stay meaningful', () => {
  it('tells a client holding an id of the previous run that the server restarted', async () => {
    const first = await startServer();
    const before = await login(first.url, 'alice');
    for (let i = 0; i < 3; i++) await notify(first.url, before, `old ${i}`);
    const stream = await SseStream.open(`${first.url}/api/events?lastEventId=`, before);
    const [start] = await stream.waitFor((f) => f.length >= 1);
    stream.close();
    await first.stop();

    // The next run publishes more than the old id's sequence number before the client resumes.
    const second = await startServer();
    const cookie = await login(second.url, 'alice');
    for (let i = 0; i < 10; i++) await notify(second.url, cookie, `new ${i}`);
    const resumed = await SseStream.open(`${second.url}/api/events`, cookie, {
      'Last-Event-ID': start.id!,
    });
    const frames = await resumed.waitFor((f) => f.filter((x) => x.event === 'ack').length === 10);
    const reset = dataOf<HistoryReset>(frames.find((f) => f.event === 'reset')!);
    assert.equal(reset.reason, 'server-restarted');
    assert.equal(reset.lastEventId, start.id);
    assert.equal(resumed.named('notification').length, 10, 'everything of the new run follows');
    resumed.close();
    await second.stop();
  });

  it('gives a stream dropped before its first event everything published while it was away', async () => {
    const server = await startServer();
    const cookie = await login(server.url, 'bob');
    const url = `${server.url}/api/events?topics=notifications`;
    const first = await SseStream.open(url, cookie);
    const [start] = await first.waitFor((f) => f.length >= 1);
    assert.ok(start.id, 'the first frame carries a resume point');
    first.close();
    for (let i = 1; i <= 5; i++) await notify(server.url, cookie, `missed ${i}`);

    const resumed = await SseStream.open(url, cookie, { 'Last-Event-ID': start.id! });
    await resumed.waitFor((f) => f.filter((x) => x.event === 'notification').length === 5);
    assert.deepEqual(
      resumed.named('notification').map((f) => dataOf(f).title),
      ['missed 1', 'missed 2', 'missed 3', 'missed 4', 'missed 5'],
    );
    assert.equal(resumed.named('reset').length, 0);
    resumed.close();
    await server.stop();
  });
});
