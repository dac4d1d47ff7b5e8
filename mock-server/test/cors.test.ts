import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { login, startServer, type Server } from './helpers.ts';
import { SseStream } from './sse-client.ts';

const corsHeaders = (response: Response) =>
  [...response.headers.keys()].filter((name) => name.startsWith('access-control-'));

describe('CORS', () => {
  let server: Server;
  let cookie: string;
  before(async () => {
    server = await startServer({ corsOrigins: ['http://app.test:4200'] });
    cookie = await login(server.url, 'alice');
  });
  after(() => server.stop());

  it('allows a configured origin with credentials, echoing it (never *)', async () => {
    const response = await fetch(`${server.url}/api/health`, {
      headers: { origin: 'http://app.test:4200' },
    });
    assert.equal(response.headers.get('access-control-allow-origin'), 'http://app.test:4200');
    assert.equal(response.headers.get('access-control-allow-credentials'), 'true');
    assert.match(response.headers.get('vary') ?? '', /Origin/);
  });

  it('keeps the CORS headers on event streams', async () => {
    const stream = await SseStream.open(`${server.url}/api/events`, cookie, {
      origin: 'http://app.test:4200',
    });
    assert.equal(
      stream.response.headers.get('access-control-allow-origin'),
      'http://app.test:4200',
    );
    assert.equal(stream.response.headers.get('access-control-allow-credentials'), 'true');
    stream.close();
  });

  it('sends no CORS header at all to other origins, or without an Origin', async () => {
    for (const origin of ['http://localhost:4200', 'http://evil.test', undefined]) {
      const response = await fetch(`${server.url}/api/health`, {
        headers: origin ? { origin } : {},
      });
      assert.equal(response.status, 200);
      assert.deepEqual(corsHeaders(response), [], String(origin));
    }
  });

  it('answers preflights for allowed origins only', async () => {
    const preflight = (origin: string) =>
      fetch(`${server.url}/api/notifications`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type,x-request-id',
        },
      });
    const allowed = await preflight('http://app.test:4200');
    assert.equal(allowed.status, 204);
    assert.match(allowed.headers.get('access-control-allow-methods') ?? '', /POST/);
    assert.match(allowed.headers.get('access-control-allow-headers') ?? '', /X-Request-Id/);
    assert.match(allowed.headers.get('access-control-allow-headers') ?? '', /Last-Event-ID/);
    assert.equal(allowed.headers.get('access-control-allow-origin'), 'http://app.test:4200');

    // The route's plain OPTIONS answer: without a CORS header, the browser refuses the request.
    const denied = await preflight('http://evil.test');
    assert.equal(denied.status, 204);
    assert.equal(denied.headers.get('allow'), 'GET, POST, OPTIONS');
    assert.deepEqual(corsHeaders(denied), []);

    // A plain OPTIONS (no preflight) from an allowed origin: answered, not a plain-text 400.
    const plain = await fetch(`${server.url}/api/notifications`, {
      method: 'OPTIONS',
      headers: { origin: 'http://app.test:4200' },
    });
    assert.equal(plain.status, 204);
    assert.equal(plain.headers.get('access-control-allow-origin'), 'http://app.test:4200');
  });

  it('answers a preflight for an unknown path with the JSON 404, even from an allowed origin', async () => {
    for (const path of ['/api/nope', '/api/jobs/a/b']) {
      const response = await fetch(`${server.url}${path}`, {
        method: 'OPTIONS',
        headers: { origin: 'http://app.test:4200', 'access-control-request-method': 'POST' },
      });
      assert.equal(response.status, 404, path);
      assert.equal(((await response.json()) as { error: string }).error, 'not-found');
    }
  });

  it('defaults to the Angular dev origins', async () => {
    const dev = await startServer();
    for (const origin of ['http://localhost:4200', 'http://127.0.0.1:4200']) {
      const response = await fetch(`${dev.url}/api/health`, { headers: { origin } });
      assert.equal(response.headers.get('access-control-allow-origin'), origin);
    }
    await dev.stop();
  });
});
