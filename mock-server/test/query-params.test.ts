import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { call, login, startServer, type Server } from './helpers.ts';

interface BadRequest {
  error: string;
  detail: { field: string; message: string };
}

// Each route with a request it accepts; the probe adds a parameter no route takes.
const ROUTES: [method: string, path: string, json?: unknown][] = [
  ['GET', '/api/health'],
  ['GET', '/api/session'],
  ['GET', '/api/notifications'],
  ['POST', '/api/notifications', { level: 'INFO', title: 't' }],
  ['POST', '/api/notifications/read', { ids: ['x'] }],
  ['GET', '/api/jobs'],
  ['POST', '/api/jobs', { name: 'j' }],
  ['DELETE', '/api/jobs/nope'],
  ['POST', '/api/chat', { prompt: 'hi' }],
  ['POST', '/api/faults', { kind: 'drop' }],
  ['POST', '/api/load', { event: 'metric', count: 1, ratePerSec: 1 }],
  ['GET', '/api/debug/memory'],
  ['GET', '/api/debug/stats'],
  ['DELETE', '/api/session'],
  ['POST', '/api/session', { username: 'bob' }],
];

describe('query parameters on routes that take none', () => {
  let server: Server;
  let cookie: string;
  before(async () => {
    server = await startServer({ faults: true });
    cookie = await login(server.url, 'alice');
  });
  after(() => server.stop());

  it('answers an unknown one with a 400 naming it, on every route, before acting', async () => {
    for (const [method, path, json] of ROUTES) {
      for (const query of ['?x=1', '?x', '?__proto__=1', '?x=1&x=2']) {
        const { status, body } = await call(`${server.url}${path}${query}`, {
          method,
          cookie,
          json,
        });
        assert.equal(status, 400, `${method} ${path}${query}`);
        const { error, detail } = body as BadRequest;
        assert.equal(error, 'bad-request');
        assert.equal(detail.field, query.slice(1).split('=')[0], `${method} ${path}${query}`);
        assert.match(detail.message, /unknown query parameter/);
      }
    }
    // Refused before acting: the session survived the refused logout and login above.
    assert.equal((await call(`${server.url}/api/notifications`, { cookie })).status, 200);
  });

  it('still ignores an empty query', async () => {
    for (const path of ['/api/health?', '/api/notifications?', '/api/jobs?&']) {
      assert.equal((await call(`${server.url}${path}`, { cookie })).status, 200, path);
    }
  });

  it('keeps the wrong method a 405 and OPTIONS a 204, query or not', async () => {
    assert.equal((await call(`${server.url}/api/jobs?x=1`, { method: 'PUT' })).status, 405);
    assert.equal((await call(`${server.url}/api/jobs?x=1`, { method: 'OPTIONS' })).status, 204);
  });
});
