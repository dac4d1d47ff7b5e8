import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { call, readStreamUntil, startServer } from './helpers.ts';

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

  it('accepts the lastEventId an EventSource client resumes with, and starts at tick 1', async () => {
    const controller = new AbortController();
    const response = await fetch(`${server.url}/api/ticks?lastEventId=41`, {
      signal: controller.signal,
    });
    assert.equal(response.status, 200);
    const text = await readStreamUntil(response, (t) => t.includes('\n\n'), controller);
    assert.match(text, /^event: tick\nid: 1\n/);
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
