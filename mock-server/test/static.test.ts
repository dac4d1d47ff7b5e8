import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { CONTENT_SECURITY_POLICY } from '../src/security-headers.ts';
import { call, startServer, type Server } from './helpers.ts';
import { SseStream } from './sse-client.ts';

describe('--static: the built SPA on the API port', () => {
  let server: Server;
  before(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mock-spa-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>app</title>');
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'assets', 'main.js'), 'console.log(1);');
    writeFileSync(join(dir, '.env'), 'SECRET=1');
    mkdirSync(join(dir, '.git'));
    writeFileSync(join(dir, '.git', 'config'), '[core]');
    server = await startServer({ staticDir: dir });
  });
  after(() => server.stop());

  it('serves files from the directory', async () => {
    const response = await fetch(`${server.url}/assets/main.js`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /javascript/);
    assert.equal(await response.text(), 'console.log(1);');
  });

  it('falls back to index.html for client-side routes', async () => {
    for (const path of ['/', '/dashboard/jobs', '/settings?tab=2']) {
      const response = await fetch(`${server.url}${path}`);
      assert.equal(response.status, 200, path);
      assert.match(response.headers.get('content-type') ?? '', /text\/html/);
      assert.match(await response.text(), /<title>app<\/title>/);
    }
  });

  it('sends the CSP and security headers with pages, files, API answers and streams', async () => {
    const responses = [
      await fetch(`${server.url}/`),
      await fetch(`${server.url}/dashboard/jobs`),
      await fetch(`${server.url}/assets/main.js`),
      await fetch(`${server.url}/api/health`),
      await fetch(`${server.url}/api/nope`),
    ];
    const stream = await SseStream.open(`${server.url}/api/ticks`);
    for (const response of [...responses, stream.response]) {
      const { headers, url } = response;
      assert.equal(headers.get('content-security-policy'), CONTENT_SECURITY_POLICY, url);
      assert.equal(headers.get('x-content-type-options'), 'nosniff', url);
      assert.equal(headers.get('x-frame-options'), 'DENY', url);
      assert.equal(headers.get('referrer-policy'), 'no-referrer', url);
    }
    stream.close();
    const csp = CONTENT_SECURITY_POLICY;
    assert.match(csp, /script-src 'self'(;|$)/, 'no inline scripts');
    assert.match(csp, /frame-ancestors 'none'/);
  });

  it('never serves dotfiles, and answers missing files and API paths however spelled with JSON 404s', async () => {
    for (const path of [
      '/.env',
      '/%2eenv',
      '/.git/config',
      '/assets/missing.js',
      '/main-7ZTZHPRJ.js/',
      '/styles.css',
      '/main.js.map',
      '/API/missing',
      '//api/missing',
      '/%61pi/missing',
      '/api%2fmissing',
      '/api;x',
    ]) {
      const response = await call(`${server.url}${path}`);
      assert.equal(response.status, 404, path);
      assert.equal((response.body as { error: string }).error, 'not-found', path);
    }
    // A route that only starts like the API is still a page.
    assert.equal((await fetch(`${server.url}/apiary`)).status, 200);
  });

  it('keeps the API: routes work, unknown /api routes are JSON 404s', async () => {
    assert.equal((await call(`${server.url}/api/health`)).status, 200);
    for (const path of ['/api/nope', '/api']) {
      const response = await call(`${server.url}${path}`);
      assert.equal(response.status, 404, path);
      assert.equal((response.body as { error: string }).error, 'not-found');
    }
    const post = await call(`${server.url}/dashboard`, { method: 'POST' });
    assert.equal(post.status, 404, 'only reads fall back to the SPA');
  });
});
