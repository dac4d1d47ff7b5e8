import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { call, eventually, login, startServer, streamsOf, type Server } from './helpers.ts';
import { SseStream } from './sse-client.ts';

describe('sessions', () => {
  let server: Server;
  before(async () => (server = await startServer({ faults: true })));
  after(() => server.stop());

  it('logs in with an HttpOnly, SameSite=Strict, Path=/ cookie holding a random token', async () => {
    const first = await call(`${server.url}/api/session`, { json: { username: 'alice' } });
    const second = await call(`${server.url}/api/session`, { json: { username: 'alice' } });
    assert.equal(first.status, 200);
    assert.deepEqual(first.body, { username: 'alice' });
    const cookie = first.headers.get('set-cookie') ?? '';
    assert.match(cookie, /^sse_session=[\w-]{40,};/);
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Strict/);
    assert.match(cookie, /Path=\//);
    assert.notEqual(cookie, second.headers.get('set-cookie'), 'each login gets its own token');
  });

  it('reports the current user, or 200 with a null user without a live session', async () => {
    const cookie = await login(server.url, 'bob');
    assert.deepEqual((await call(`${server.url}/api/session`, { cookie })).body, {
      username: 'bob',
    });
    for (const bad of [undefined, 'sse_session=forged']) {
      const response = await call(`${server.url}/api/session`, { cookie: bad });
      assert.equal(response.status, 200, 'a signed-out probe is not a failure');
      assert.deepEqual(response.body, { username: null });
    }
  });

  it('rejects a missing or unsafe username with 400 naming the field', async () => {
    for (const json of [{}, { username: '' }, { username: 'a b' }, { username: 'x'.repeat(65) }]) {
      const response = await call(`${server.url}/api/session`, { json });
      assert.equal(response.status, 400);
      assert.equal((response.body as { detail: { field: string } }).detail.field, 'username');
    }
  });

  it('requires a session on every other API route, answering 401 JSON', async () => {
    const routes: [string, string][] = [
      ['GET', '/api/events'],
      ['GET', '/api/jobs'],
      ['POST', '/api/jobs'],
      ['DELETE', '/api/jobs/some-id'],
      ['POST', '/api/notifications'],
      ['POST', '/api/faults'],
      ['POST', '/api/load'],
      ['GET', '/api/debug/memory'],
    ];
    for (const [method, path] of routes) {
      const response = await call(`${server.url}${path}`, { method });
      assert.equal(response.status, 401, `${method} ${path}`);
      assert.deepEqual(Object.keys(response.body as object), ['error', 'detail']);
    }
  });

  it('logout ends the session and its streams, and the reconnect gets 401', async () => {
    const cookie = await login(server.url, 'carol');
    const stream = await SseStream.open(`${server.url}/api/events`, cookie);
    await eventually(async () => (await streamsOf(server.url, 'carol')) === 1);

    const response = await call(`${server.url}/api/session`, { method: 'DELETE', cookie });
    assert.equal(response.status, 204);
    assert.match(response.headers.get('set-cookie') ?? '', /sse_session=;/);
    await stream.ended;
    assert.deepEqual(stream.frames.at(-1), { comment: 'stream ended: session ended' });
    await eventually(async () => (await streamsOf(server.url, 'carol')) === 0);
    assert.equal((await call(`${server.url}/api/events`, { cookie })).status, 401);
    assert.deepEqual((await call(`${server.url}/api/session`, { cookie })).body, {
      username: null,
    });
    const again = await call(`${server.url}/api/session`, { method: 'DELETE', cookie });
    assert.equal(again.status, 204, 'logout is idempotent');
  });

  it("logout ends only that session's streams, not the same user's other sessions", async () => {
    const laptop = await login(server.url, 'dave');
    const phone = await login(server.url, 'dave');
    const phoneStream = await SseStream.open(`${server.url}/api/events`, phone);
    const laptopStream = await SseStream.open(`${server.url}/api/events`, laptop);
    await eventually(async () => (await streamsOf(server.url, 'dave')) === 2);

    await call(`${server.url}/api/session`, { method: 'DELETE', cookie: laptop });
    await laptopStream.ended;
    await eventually(async () => (await streamsOf(server.url, 'dave')) === 1);
    assert.deepEqual((await call(`${server.url}/api/session`, { cookie: phone })).body, {
      username: 'dave',
    });
    phoneStream.close();
  });
});
