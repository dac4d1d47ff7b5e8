import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, describe, it } from 'node:test';

import { startServer, type Server } from './helpers.ts';
import { rawRequest } from './raw-http.ts';

/** node:http, not fetch: fetch sends the URL's own Host whatever the headers say. */
function get(base: string, path: string, host: string) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(`${base}${path}`, { headers: { host } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the Host of a request that reached a loopback address', () => {
  let server: Server;
  let port: string;
  before(async () => {
    server = await startServer({ corsOrigins: ['http://app.test:4200'] });
    port = new URL(server.url).port;
  });
  after(() => server.stop());

  it('refuses a name that is not loopback nor allow-listed: a DNS-rebound page', async () => {
    for (const host of [`evil.test:${port}`, 'evil.test', `127.0.0.1.evil.test:${port}`, '%%']) {
      for (const path of ['/api/health', '/api/session', '/api/nope']) {
        const { status, body } = await get(server.url, path, host);
        assert.equal(status, 403, `${host} ${path}`);
        const error = JSON.parse(body) as { error: string; detail: string };
        assert.equal(error.error, 'forbidden-host');
        assert.match(error.detail, /--cors-origins/);
      }
    }
  });

  it('checks the host of an absolute-form request-target, not the Host it overrides', async () => {
    const refused = await rawRequest(
      server.url,
      `GET http://evil.test/api/health HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`,
    );
    assert.equal(refused.status, 403);
    assert.equal((JSON.parse(refused.body) as { error: string }).error, 'forbidden-host');
    const accepted = await rawRequest(
      server.url,
      `GET http://localhost:${port}/api/health HTTP/1.1\r\nHost: evil.test\r\n\r\n`,
    );
    assert.equal(accepted.status, 200);
  });

  it('accepts loopback names, IP addresses (no rebinding page has one) and allow-listed hosts', async () => {
    for (const host of [
      `127.0.0.1:${port}`,
      `localhost:${port}`,
      'LOCALHOST',
      `app.localhost:${port}`,
      `127.1.2.3:${port}`,
      `[::1]:${port}`,
      'app.test:4200',
      '192.168.1.5:4200',
      '[fd00::5]:4200',
    ]) {
      assert.equal((await get(server.url, '/api/health', host)).status, 200, host);
    }
  });
});

describe('a refused header in an error detail', () => {
  let server: Server;
  before(async () => {
    server = await startServer({});
  });
  after(() => server.stop());

  it('is quoted, not echoed whole', async () => {
    const { status, body } = await get(server.url, '/api/health', `${'a'.repeat(4000)}.test`);
    assert.equal(status, 403);
    const { detail } = JSON.parse(body) as { detail: string };
    assert.ok(detail.length < 200, `detail of ${detail.length} characters`);
    assert.match(detail, /^Host: a{100}…: /);
  });
});
