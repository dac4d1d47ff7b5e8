import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { SESSION_CHALLENGE, SESSION_COOKIE } from '../src/session-cookie.ts';
import { call, login, startServer, type Server } from './helpers.ts';
import { HOST, JSON_TYPE, rawRequest } from './raw-http.ts';

/** The challenge header of a raw answer's head, if any. */
const challengeIn = (headers: string) => /^www-authenticate: (.*)$/im.exec(headers)?.[1];

describe('WWW-Authenticate on every 401 (RFC 9110 §11.6.1)', () => {
  let server: Server;
  before(async () => (server = await startServer({ faults: true })));
  after(() => server.stop());

  it('challenges with the Cookie scheme: where to log in and the cookie that sets', async () => {
    assert.equal(
      SESSION_CHALLENGE,
      'Cookie realm="ngx-sse mock", form-action="/api/session", cookie-name="sse_session"',
    );
    const response = await fetch(`${server.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'alice' }),
    });
    const [setCookie] = response.headers.getSetCookie();
    assert.ok(setCookie.startsWith(`${SESSION_COOKIE}=`), setCookie);
  });

  it('sends it from the session hook of every protected route, streams included', async () => {
    const routes: [string, string][] = [
      ['GET', '/api/events'],
      ['GET', '/api/jobs'],
      ['GET', '/api/notifications'],
      ['POST', '/api/chat'],
      ['POST', '/api/faults'],
    ];
    for (const [method, path] of routes) {
      const { status, headers, body } = await call(`${server.url}${path}`, { method });
      assert.equal(status, 401, `${method} ${path}`);
      assert.equal(headers.get('www-authenticate'), SESSION_CHALLENGE, `${method} ${path}`);
      assert.equal((body as { error: string }).error, 'unauthorized');
    }
  });

  it('sends it after logout, to the cookie that no longer names a session', async () => {
    const cookie = await login(server.url, 'bob');
    await call(`${server.url}/api/session`, { method: 'DELETE', cookie });
    const { status, headers } = await call(`${server.url}/api/events`, { cookie });
    assert.equal(status, 401);
    assert.equal(headers.get('www-authenticate'), SESSION_CHALLENGE);
  });

  it('sends it on an early answer, before the body arrived (then closes)', async () => {
    const head =
      `POST /api/notifications HTTP/1.1\r\n${HOST}${JSON_TYPE}` +
      'Content-Length: 1000\r\n\r\n{"title":';
    const answer = await rawRequest(server.url, head);
    assert.equal(answer.status, 401);
    assert.equal(challengeIn(answer.headers), SESSION_CHALLENGE);
    assert.match(answer.headers, /^connection: close$/im);
  });

  it('sends it on an injected 401 fault, and no other status gets it', async () => {
    const cookie = await login(server.url, 'carol');
    const arm = (status: number) =>
      call(`${server.url}/api/faults`, { cookie, json: { kind: 'status', status } });
    await arm(401);
    const injected = await call(`${server.url}/api/events`, { cookie });
    assert.equal(injected.status, 401);
    assert.deepEqual(injected.body, { error: 'injected-fault', detail: { status: 401 } });
    assert.equal(injected.headers.get('www-authenticate'), SESSION_CHALLENGE);

    await arm(403);
    const forbidden = await call(`${server.url}/api/events`, { cookie });
    assert.equal(forbidden.status, 403);
    assert.equal(forbidden.headers.get('www-authenticate'), null);
    const missing = await call(`${server.url}/api/nowhere`, { cookie });
    assert.equal(missing.status, 404);
    assert.equal(missing.headers.get('www-authenticate'), null);
  });
});
