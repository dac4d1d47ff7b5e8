import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { call, login, startServer, type Server } from './helpers.ts';

interface ErrorBody {
  error: string;
  detail: unknown;
}

describe('bad input and routing errors', () => {
  let server: Server;
  let cookie: string;
  const raw = (path: string, init: RequestInit = {}) =>
    fetch(`${server.url}${path}`, { ...init, headers: { cookie, ...init.headers } });

  before(async () => {
    server = await startServer({ faults: true });
    cookie = await login(server.url, 'alice');
  });
  after(() => server.stop());

  const expectError = async (response: Response, status: number, error: string) => {
    assert.equal(response.status, status);
    assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
    const body = (await response.json()) as ErrorBody;
    assert.deepEqual(Object.keys(body), ['error', 'detail']);
    assert.equal(body.error, error);
    return body;
  };

  it('answers malformed or empty JSON with 400 naming the body', async () => {
    for (const body of ['{"level": "INFO",', '']) {
      const response = await raw('/api/notifications', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      const { detail } = await expectError(response, 400, 'bad-request');
      assert.equal((detail as { field: string }).field, 'body');
    }
  });

  it('answers a body over 16 KB with 413', async () => {
    const response = await raw('/api/notifications', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ level: 'INFO', title: 'x', message: 'm'.repeat(17 * 1024) }),
    });
    const { detail } = await expectError(response, 413, 'payload-too-large');
    assert.match(String(detail), /16384/);
  });

  it('answers an unsupported content type with 415', async () => {
    const response = await raw('/api/jobs', {
      method: 'POST',
      headers: { 'content-type': 'application/xml' },
      body: '<job/>',
    });
    const { detail } = await expectError(response, 415, 'unsupported-media-type');
    assert.match(String(detail), /application\/xml/);
  });

  it('answers an unknown route with 404, with or without a session', async () => {
    for (const path of ['/api/nope', '/api', '/elsewhere']) {
      await expectError(await raw(path), 404, 'not-found');
      await expectError(await fetch(`${server.url}${path}`), 404, 'not-found');
    }
  });

  it('answers a wrong method on a known route with 405 and an Allow header', async () => {
    const cases: [string, string, string][] = [
      ['PUT', '/api/jobs', 'POST, GET, OPTIONS'],
      ['POST', '/api/health', 'GET, OPTIONS'],
      ['PATCH', '/api/session', 'POST, GET, DELETE, OPTIONS'],
      ['GET', '/api/jobs/123', 'DELETE, OPTIONS'],
      ['HEAD', '/api/events', 'GET, OPTIONS'],
      ['HEAD', '/api/session', 'POST, GET, DELETE, OPTIONS'],
      ['DELETE', '/api/faults', 'POST, OPTIONS'],
    ];
    for (const [method, path, allow] of cases) {
      const response = await raw(path, { method });
      assert.equal(response.status, 405, `${method} ${path}`);
      assert.equal(response.headers.get('allow'), allow, `${method} ${path}`);
      if (method !== 'HEAD') await expectError(response, 405, 'method-not-allowed');
    }
  });

  it('answers OPTIONS on a known route with 204 and the same Allow as its 405', async () => {
    for (const path of ['/api/session', '/api/events', '/api/jobs/123']) {
      const options = await raw(path, { method: 'OPTIONS' });
      const wrong = await raw(path, { method: 'PUT' });
      assert.equal(options.status, 204, path);
      assert.equal(wrong.status, 405, path);
      assert.equal(options.headers.get('allow'), wrong.headers.get('allow'), path);
      assert.match(options.headers.get('allow') ?? '', /OPTIONS/, path);
    }
  });

  it('lists in Allow exactly the methods that do not answer 405', async () => {
    const allow = (await raw('/api/session', { method: 'OPTIONS' })).headers.get('allow') ?? '';
    for (const method of ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']) {
      const { status } = await raw('/api/session', { method });
      assert.equal(status !== 405, allow.split(', ').includes(method), `${method}: ${status}`);
    }
  });

  it('answers OPTIONS on an unknown route with 404', async () => {
    await expectError(await raw('/api/nope', { method: 'OPTIONS' }), 404, 'not-found');
  });

  it('stays up after all of that', async () => {
    const { status, body } = await call(`${server.url}/api/health`);
    assert.equal(status, 200);
    assert.equal((body as { status: string }).status, 'ok');
  });
});
