import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { startServer, type Server } from './helpers.ts';
import { rawRequest } from './raw-http.ts';

describe('--static: paths that try to leave the directory', () => {
  let server: Server;
  const get = (path: string) =>
    rawRequest(server.url, `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);

  before(async () => {
    const root = mkdtempSync(join(tmpdir(), 'mock-spa-'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>app</title>');
    server = await startServer({ staticDir: root });
  });
  after(() => server.stop());

  it('answers a dot-dot segment or a NUL byte with a 400 naming the url', async () => {
    // Sent raw: HTTP clients resolve dot segments before sending.
    for (const path of [
      '/../../etc/passwd',
      '/a/../../etc/passwd',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/..%2f..%2fetc%2fpasswd',
      '/..%5c..%5cetc%5cpasswd',
      '/%00',
      '/index.html%00.js',
    ]) {
      const answer = await get(path);
      assert.equal(answer.status, 400, path);
      const body = JSON.parse(answer.body) as { error: string; detail: { field: string } };
      assert.equal(body.error, 'bad-request', path);
      assert.equal(body.detail.field, 'url', path);
    }
  });

  it('tells names that only look alike from escapes: a page, or a dotfile 404, never a 400', async () => {
    assert.equal((await get('/a..b/c')).status, 200);
    for (const path of ['/..index', '/...']) {
      const answer = await get(path);
      assert.equal(answer.status, 404, path);
      assert.equal((JSON.parse(answer.body) as { error: string }).error, 'not-found', path);
    }
  });
});
