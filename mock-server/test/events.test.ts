import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { call, eventually, login, seqOf, startServer, streamsOf, type Server } from './helpers.ts';
import { dataOf, SseStream } from './sse-client.ts';

const notify = (base: string, cookie: string, title: string) =>
  call(`${base}/api/notifications`, { cookie, json: { level: 'INFO', title, message: 'm' } });

describe('GET /api/events', () => {
  let server: Server;
  let alice: string;
  let bob: string;
  before(async () => {
    server = await startServer({
      faults: true,
      retryMs: 1234,
      heartbeatMs: 50,
      metricsMs: 40,
      maxStreamsPerUser: 2,
    });
    alice = await login(server.url, 'alice');
    bob = await login(server.url, 'bob');
  });
  after(() => server.stop());

  it('answers with SSE headers, then sends retry with the start id and a comment first', async () => {
    const stream = await SseStream.open(`${server.url}/api/events`, alice);
    assert.equal(stream.response.status, 200);
    const headers = stream.response.headers;
    assert.equal(headers.get('content-type'), 'text/event-stream; charset=utf-8');
    assert.equal(headers.get('cache-control'), 'no-cache, no-transform');
    assert.equal(headers.get('x-accel-buffering'), 'no');
    assert.equal(headers.get('content-encoding'), null);
    const frames = await stream.waitFor((f) => f.length >= 2);
    assert.equal(frames[0].retry, '1234');
    assert.match(frames[0].id ?? '', new RegExp(`^${await server.epoch()}-\\d+$`));
    assert.match(frames[1].comment ?? '', /stream \d+ for alice/);
    stream.close();
  });

  it('sends heartbeat comments at the configured interval', async () => {
    const stream = await SseStream.open(`${server.url}/api/events?topics=jobs`, alice);
    await stream.waitFor((f) => f.filter((frame) => frame.comment === 'heartbeat').length >= 2);
    stream.close();
  });

  it('broadcasts metric events to every user with increasing ids', async () => {
    const a = await SseStream.open(`${server.url}/api/events?topics=metrics`, alice);
    const b = await SseStream.open(`${server.url}/api/events?topics=metrics`, bob);
    for (const stream of [a, b]) {
      const metrics = (
        await stream.waitFor((f) => f.filter((x) => x.event === 'metric').length >= 3)
      ).filter((frame) => frame.event === 'metric');
      const ids = metrics.map((frame) => seqOf(frame.id!));
      assert.deepEqual(
        ids,
        [...ids].sort((x, y) => x - y),
      );
      assert.equal(new Set(ids).size, ids.length);
      const metric = dataOf<{ name: string; value: number; at: number }>(metrics[0]);
      assert.ok(['cpu', 'memory', 'rps'].includes(metric.name));
      assert.equal(typeof metric.value, 'number');
      assert.ok(Math.abs(Date.now() - metric.at) < 60_000);
      stream.close();
    }
  });

  it("delivers a user's events only to that user", async () => {
    const a = await SseStream.open(`${server.url}/api/events?topics=notifications`, alice);
    const b = await SseStream.open(`${server.url}/api/events?topics=notifications`, bob);
    await notify(server.url, alice, 'for alice');
    await notify(server.url, bob, 'for bob');
    await a.waitFor((f) => f.some((x) => x.event === 'notification'));
    await b.waitFor((f) => f.some((x) => x.event === 'notification'));
    await b.waitFor((f) => f.some((x) => x.event === 'ack'));
    assert.deepEqual(
      a.named('notification').map((f) => dataOf(f).title),
      ['for alice'],
    );
    assert.deepEqual(
      b.named('notification').map((f) => dataOf(f).title),
      ['for bob'],
    );
    a.close();
    b.close();
  });

  it('filters by topic but always delivers acks', async () => {
    const stream = await SseStream.open(`${server.url}/api/events?topics=jobs`, alice);
    await notify(server.url, alice, 'not on the jobs topic');
    await call(`${server.url}/api/jobs`, {
      cookie: alice,
      json: { name: 'j', durationMs: 100_000 },
    });
    await stream.waitFor((f) => f.filter((x) => x.event === 'ack').length === 2);
    assert.deepEqual(
      stream.events.map((f) => f.event),
      ['ack', 'job-progress', 'ack'],
      'the notification is filtered out, its ack is not',
    );
    stream.close();
  });

  it('answers 400 naming an unknown topic', async () => {
    const response = await call(`${server.url}/api/events?topics=jobs,weather`, { cookie: alice });
    assert.equal(response.status, 400);
    const { detail } = response.body as { detail: { field: string; message: string } };
    assert.equal(detail.field, 'topics');
    assert.match(detail.message, /"weather"/);
  });

  it('answers 400 naming an unknown query parameter, such as a typo of topics', async () => {
    for (const [query, field] of [
      ['topic=jobs', 'topic'],
      ['foo=1', 'foo'],
      ['topics=jobs&lastEventID=x', 'lastEventID'],
    ]) {
      const response = await call(`${server.url}/api/events?${query}`, { cookie: alice });
      assert.equal(response.status, 400, query);
      assert.deepEqual(
        response.body,
        {
          error: 'bad-request',
          detail: { field, message: 'unknown query parameter: not one this route takes' },
        },
        query,
      );
    }
  });

  it('answers 429 with Retry-After beyond the per-user stream limit', async () => {
    await eventually(async () => (await streamsOf(server.url, 'bob')) === 0);
    const open = [
      await SseStream.open(`${server.url}/api/events`, bob),
      await SseStream.open(`${server.url}/api/events`, bob),
    ];
    const response = await call(`${server.url}/api/events`, { cookie: bob });
    assert.equal(response.status, 429);
    assert.equal(response.headers.get('retry-after'), '2');
    assert.deepEqual(response.body, {
      error: 'too-many-streams',
      detail: { scope: 'user', limit: 2 },
    });
    const other = await SseStream.open(`${server.url}/api/events`, alice);
    assert.equal(other.response.status, 200, 'the limit is per user');
    [...open, other].forEach((stream) => stream.close());
  });
});
