import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { call, delay, eventually, login, startServer, streamsOf, type Server } from './helpers.ts';
import { SseStream } from './sse-client.ts';

describe('fault injection', () => {
  let server: Server;
  let cookie: string;
  const fault = (json: unknown) => call(`${server.url}/api/faults`, { cookie, json });
  const stream = () => call(`${server.url}/api/events`, { cookie });

  before(async () => {
    server = await startServer({ faults: true, heartbeatMs: 50 });
    cookie = await login(server.url, 'alice');
  });
  after(() => server.stop());

  it('drop ends every open stream of the user', async () => {
    const streams = [await SseStream.open(`${server.url}/api/events`, cookie)];
    streams.push(await SseStream.open(`${server.url}/api/events`, cookie));
    const response = await fault({ kind: 'drop' });
    assert.equal(response.status, 200);
    assert.deepEqual(response.body, { kind: 'drop', streams: 2 });
    await Promise.all(streams.map((s) => s.ended));
    await eventually(async () => (await streamsOf(server.url, 'alice')) === 0);
  });

  it('status answers the next `count` stream requests with it, then streams again', async () => {
    assert.deepEqual((await fault({ kind: 'status', status: 503, count: 2 })).body, {
      kind: 'status',
      status: 503,
      count: 2,
      streams: 0,
    });
    for (let i = 0; i < 2; i++) {
      const response = await stream();
      assert.equal(response.status, 503);
      assert.equal(response.headers.get('retry-after'), '1');
      assert.deepEqual(response.body, { error: 'injected-fault', detail: { status: 503 } });
    }
    const ok = await SseStream.open(`${server.url}/api/events`, cookie);
    assert.equal(ok.response.status, 200);
    ok.close();
  });

  it('status, bad-mime and no-content also end the open streams, so the fault shows at once', async () => {
    for (const json of [
      { kind: 'status', status: 503, count: 1 },
      { kind: 'bad-mime' },
      { kind: 'no-content' },
    ]) {
      const open = await SseStream.open(`${server.url}/api/events`, cookie);
      const response = await fault(json);
      assert.equal((response.body as { streams: number }).streams, 1, json.kind);
      await open.ended;
      const next = await stream();
      const type = next.headers.get('content-type') ?? '';
      assert.doesNotMatch(type, /event-stream/, `${json.kind}: the reconnect meets the fault`);
      const after = await SseStream.open(`${server.url}/api/events`, cookie);
      assert.equal(after.response.status, 200, `${json.kind} was used up`);
      after.close();
    }
  });

  it('adds Retry-After only for 429 and 503', async () => {
    await fault({ kind: 'status', status: 429 });
    assert.equal((await stream()).headers.get('retry-after'), '1');
    await fault({ kind: 'status', status: 500 });
    const response = await stream();
    assert.equal(response.status, 500);
    assert.equal(response.headers.get('retry-after'), null);
  });

  it('sends an injected 405 with the Allow header RFC 9110 requires, the one OPTIONS gives', async () => {
    await fault({ kind: 'status', status: 405 });
    const response = await stream();
    assert.equal(response.status, 405);
    assert.deepEqual(response.body, { error: 'injected-fault', detail: { status: 405 } });
    const options = await call(`${server.url}/api/events`, { method: 'OPTIONS' });
    assert.equal(options.headers.get('allow'), 'GET, OPTIONS');
    assert.equal(response.headers.get('allow'), options.headers.get('allow'));
  });

  it('bad-mime answers 200 text/plain, no-content answers 204', async () => {
    await fault({ kind: 'bad-mime', count: 1 });
    const badMime = await stream();
    assert.equal(badMime.status, 200);
    assert.match(badMime.headers.get('content-type') ?? '', /^text\/plain/);
    await fault({ kind: 'no-content' });
    const noContent = await stream();
    assert.equal(noContent.status, 204);
    assert.equal(noContent.body, '');
  });

  it('a new request fault replaces a pending one', async () => {
    await fault({ kind: 'status', status: 502, count: 5 });
    await fault({ kind: 'no-content' });
    assert.equal((await stream()).status, 204);
    const ok = await SseStream.open(`${server.url}/api/events`, cookie);
    assert.equal(ok.response.status, 200);
    ok.close();
  });

  it('stall holds every byte of open streams, heartbeats included, then flushes in order', async () => {
    const stalled = await SseStream.open(`${server.url}/api/events?topics=notifications`, cookie);
    await stalled.waitFor((f) => f.some((x) => x.comment === 'heartbeat'));
    const response = await fault({ kind: 'stall', ms: 2500 });
    assert.deepEqual(response.body, { kind: 'stall', ms: 2500, streams: 1 });
    await delay(100); // a heartbeat written just before the stall may still be on its way
    const before = stalled.frames.length;
    await call(`${server.url}/api/notifications`, {
      cookie,
      json: { level: 'INFO', title: 'held' },
    });

    // A stream opened during the stall is not stalled: reconnecting recovers at once.
    const fresh = await SseStream.open(`${server.url}/api/events?topics=notifications`, cookie);
    await call(`${server.url}/api/notifications`, {
      cookie,
      json: { level: 'INFO', title: 'now' },
    });
    await fresh.waitFor((f) => f.some((x) => x.event === 'notification'));
    await delay(300);
    assert.equal(stalled.frames.length, before, 'nothing at all during the stall');

    await stalled.waitFor((f) => f.filter((x) => x.event === 'ack').length === 2);
    const titles = stalled.named('notification').map((f) => JSON.parse(f.data!).title);
    assert.deepEqual(titles, ['held', 'now']);
    stalled.close();
    fresh.close();
  });

  it('validates every fault body, naming the field', async () => {
    const cases: [unknown, string][] = [
      [{}, 'kind'],
      [{ kind: 'explode' }, 'kind'],
      [{ kind: 'status' }, 'status'],
      [{ kind: 'status', status: 200 }, 'status'],
      [{ kind: 'status', status: 503, count: 0 }, 'count'],
      [{ kind: 'stall' }, 'ms'],
      [{ kind: 'stall', ms: 'long' }, 'ms'],
      [{ kind: 'bad-mime', count: 1.5 }, 'count'],
    ];
    for (const [json, field] of cases) {
      const response = await fault(json);
      assert.equal(response.status, 400, JSON.stringify(json));
      assert.equal((response.body as { detail: { field: string } }).detail.field, field);
    }
    const unknown = await fault({ kind: 'explode' });
    assert.match(JSON.stringify(unknown.body), /drop, stall, status, bad-mime, no-content/);
  });
});

describe('without --faults', () => {
  it('answers 404 JSON on every faults-only route', async () => {
    const server = await startServer();
    const cookie = await login(server.url, 'alice');
    for (const [method, path] of [
      ['POST', '/api/faults'],
      ['POST', '/api/load'],
      ['GET', '/api/debug/memory'],
    ]) {
      const response = await call(`${server.url}${path}`, { method, cookie });
      assert.equal(response.status, 404, path);
      assert.equal((response.body as { error: string }).error, 'not-found');
    }
    await server.stop();
  });
});
