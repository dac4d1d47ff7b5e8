import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import type { HistoryReset, Tick } from '../src/wire.ts';
import { call, readStreamUntil, startServer } from './helpers.ts';
import { dataOf, SseStream } from './sse-client.ts';

describe('GET /api/ticks', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  before(async () => (server = await startServer({ tickMs: 20 })));
  after(() => server.stop());

  it('streams numbered tick events with SSE headers', async () => {
    const controller = new AbortController();
    const response = await fetch(`${server.url}/api/ticks`, { signal: controller.signal });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'text/event-stream; charset=utf-8');
    assert.equal(response.headers.get('cache-control'), 'no-cache, no-transform');
    assert.equal(response.headers.get('x-accel-buffering'), 'no');

    const text = await readStreamUntil(response, (t) => t.split('\n\n').length > 3, controller);
    const events = text.split('\n\n').filter(Boolean).slice(0, 3);
    events.forEach((frame, index) => {
      const n = index + 1;
      assert.match(frame, new RegExp(`^event: tick\nid: ${n}\ndata: \\{"n":${n},"at":\\d+\\}$`));
    });
  });

  const firstFrame = async (query: string, headers: Record<string, string> = {}) => {
    const stream = await SseStream.open(`${server.url}/api/ticks${query}`, undefined, headers);
    assert.equal(stream.response.status, 200);
    const frames = await stream.waitFor((f) => f.some((x) => x.event === 'tick'));
    stream.close();
    return frames;
  };

  it('resumes after the Last-Event-ID header or the lastEventId query, the header winning', async () => {
    const cases: [string, Record<string, string>, number][] = [
      ['?lastEventId=41', {}, 42],
      ['', { 'Last-Event-ID': '7' }, 8],
      ['?lastEventId=41', { 'Last-Event-ID': '7' }, 8],
      ['?lastEventId=41', { 'Last-Event-ID': '  ' }, 42],
      ['?lastEventId=0', {}, 1],
      ['?lastEventId=', {}, 1],
      ['?lastEventId=999999999999999', {}, 1e15],
    ];
    for (const [query, headers, next] of cases) {
      const [tick] = await firstFrame(query, headers);
      assert.equal(tick.id, String(next), `${query} ${JSON.stringify(headers)}`);
      assert.equal(dataOf<Tick>(tick).n, next);
    }
  });

  it('continues the sequence across a reconnect: no tick repeated, none skipped', async () => {
    const first = await SseStream.open(`${server.url}/api/ticks`);
    const before = await first.waitFor((f) => f.filter((x) => x.event === 'tick').length >= 3);
    first.close();
    const last = before.filter((f) => f.event === 'tick').at(-1)!;
    const second = await SseStream.open(`${server.url}/api/ticks`, undefined, {
      'Last-Event-ID': last.id!,
    });
    const after = await second.waitFor((f) => f.filter((x) => x.event === 'tick').length >= 2);
    second.close();
    const ids = [...before, ...after].filter((f) => f.event === 'tick').map((f) => Number(f.id));
    assert.deepEqual(
      ids,
      ids.map((_, i) => i + 1),
    );
  });

  it('answers an id that is no tick number with the reset of /api/events, then ticks from 1', async () => {
    for (const id of ['-1', '1.5', 'abc', 'mj4q2x9c-41', '1'.repeat(16)]) {
      const [reset, tick] = await firstFrame('', { 'Last-Event-ID': id });
      assert.equal(reset.event, 'reset', id);
      assert.equal(reset.id, undefined, 'a reset does not move the client Last-Event-ID');
      assert.deepEqual(dataOf<HistoryReset>(reset), {
        reason: 'unknown-id',
        lastEventId: id,
        oldestAvailableId: null,
      });
      assert.equal(tick.id, '1', id);
    }
  });

  it('answers 400 naming the field for text that cannot be an id at all, as /api/events does', async () => {
    const cases: [string, Record<string, string>, string][] = [
      ['', { 'Last-Event-ID': 'x'.repeat(129) }, 'Last-Event-ID'],
      ['', { 'Last-Event-ID': '4 2' }, 'Last-Event-ID'],
      ['?lastEventId=%C3%A9', {}, 'lastEventId'],
      ['?lastEventId=1%00', {}, 'lastEventId'],
    ];
    for (const [query, headers, field] of cases) {
      const response = await call(`${server.url}/api/ticks${query}`, { headers });
      assert.equal(response.status, 400, `${query} ${JSON.stringify(headers)}`);
      const { error, detail } = response.body as { error: string; detail: { field: string } };
      assert.deepEqual([error, detail.field], ['bad-request', field]);
    }
    assert.equal((await call(`${server.url}/api/health`)).status, 200);
  });

  it('answers 400 naming an unknown query parameter', async () => {
    const response = await call(`${server.url}/api/ticks?foo=1`);
    assert.equal(response.status, 400);
    assert.deepEqual(response.body, {
      error: 'bad-request',
      detail: { field: 'foo', message: 'unknown query parameter: not one this route takes' },
    });
  });
});
