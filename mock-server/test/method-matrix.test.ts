import assert from 'node:assert/strict';
import { METHODS, request } from 'node:http';
import { after, before, describe, it } from 'node:test';

import { login, startServer, type Server } from './helpers.ts';

interface Answer {
  status: number;
  allow: string | undefined;
  body: string;
}

/** node:http, not fetch: fetch refuses TRACE and sends no body with some methods. */
function send(base: string, method: string, path: string, body?: string, type?: string) {
  return new Promise<Answer>((resolve, reject) => {
    const headers: Record<string, string> = type ? { 'content-type': type } : {};
    const req = request(`${base}${path}`, { method, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, allow: res.headers.allow, body: text }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}

// Every method Node's parser accepts, but CONNECT (a proxy request, answered apart) and OPTIONS.
const OTHER_METHODS = METHODS.filter((method) => method !== 'CONNECT' && method !== 'OPTIONS');

const ROUTES: [path: string, allow: string][] = [
  ['/api/session', 'POST, GET, DELETE, OPTIONS'],
  ['/api/events', 'GET, OPTIONS'],
  ['/api/jobs', 'POST, GET, OPTIONS'],
  ['/api/jobs/123', 'DELETE, OPTIONS'],
  ['/api/health', 'GET, OPTIONS'],
  ['/api/faults', 'POST, OPTIONS'],
];

describe('every method on every known path', () => {
  let server: Server;
  before(async () => {
    server = await startServer({ faults: true });
    await login(server.url, 'alice');
  });
  after(() => server.stop());

  it('answers each method a path does not take with 405 and its Allow, TRACE and WebDAV included', async () => {
    for (const [path, allow] of ROUTES) {
      const taken = allow.split(', ');
      for (const method of OTHER_METHODS.filter((m) => !taken.includes(m))) {
        const answer = await send(server.url, method, path);
        assert.equal(answer.status, 405, `${method} ${path}: ${answer.body}`);
        assert.equal(answer.allow, allow, `${method} ${path}`);
        if (method !== 'HEAD') assert.equal(JSON.parse(answer.body).error, 'method-not-allowed');
      }
    }
  });

  it('answers 405 before looking at the body: its type, syntax or size do not matter', async () => {
    const bodies: [body: string, type: string][] = [
      ['x', 'text/plain'],
      ['{', 'application/json'],
      [JSON.stringify({ pad: 'x'.repeat(20_000) }), 'application/json'],
      ['<a/>', 'application/xml'],
    ];
    for (const [method, path] of [
      ['PUT', '/api/jobs'],
      ['POST', '/api/health'],
      ['QUERY', '/api/session'],
    ]) {
      for (const [body, type] of bodies) {
        const answer = await send(server.url, method, path, body, type);
        assert.equal(answer.status, 405, `${method} ${path} with ${type}: ${answer.body}`);
      }
    }
  });

  it('still answers an unknown path with 404, whatever the method', async () => {
    for (const method of ['TRACE', 'PROPFIND', 'MKCOL']) {
      const answer = await send(server.url, method, '/api/nope');
      assert.equal(answer.status, 404, method);
      assert.equal(JSON.parse(answer.body).error, 'not-found');
    }
  });
});
