import assert from 'node:assert/strict';
import { get } from 'node:http';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { startServer, type Server } from './helpers.ts';

/** A GET with exactly these headers; resolves with the status and Cache-Control. */
function plainGet(
  url: string,
  headers: Record<string, string>,
): Promise<{ status: number; cacheControl: string | undefined }> {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (response) => {
      response.resume();
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          cacheControl: response.headers['cache-control'],
        }),
      );
    }).on('error', reject);
  });
}

describe('--static: Cache-Control by file name', () => {
  let server: Server;
  before(async () => {
    // The shape of `ng build` output (outputHashing: all), plus unhashed files.
    const dir = mkdtempSync(join(tmpdir(), 'mock-spa-'));
    mkdirSync(join(dir, 'media'));
    mkdirSync(join(dir, 'assets'));
    const files = [
      'index.html',
      'main-7ZTZHPRJ.js',
      'polyfills-B6TNHZQ6.js',
      'chunk-AB2CD3EF.js',
      'styles-QWERTY27.css',
      'media/roboto-latin-400-normal-MNBVCX45.woff2',
      'favicon.ico',
      '3rdpartylicenses.txt',
      'assets/logo.svg',
      'assets/redirect-page.js',
      'icon-SETTINGS.svg',
      'assets/banner-DARKMODE.png',
    ];
    for (const file of files)
      writeFileSync(join(dir, file), file === 'index.html' ? '<!doctype html>' : file);
    server = await startServer({ staticDir: dir });
  });
  after(() => server.stop());

  const cacheControl = async (path: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${server.url}${path}`, { headers });
    await response.arrayBuffer();
    return { status: response.status, value: response.headers.get('cache-control') };
  };

  it('lets browsers keep content-hashed bundles, chunks, styles and media for a year', async () => {
    for (const path of [
      '/main-7ZTZHPRJ.js',
      '/polyfills-B6TNHZQ6.js',
      '/chunk-AB2CD3EF.js',
      '/styles-QWERTY27.css',
      '/media/roboto-latin-400-normal-MNBVCX45.woff2',
    ]) {
      assert.deepEqual(
        await cacheControl(path),
        { status: 200, value: 'public, max-age=31536000, immutable' },
        path,
      );
    }
  });

  it('revalidates index.html, page paths and unhashed files on every use (no-cache)', async () => {
    for (const path of [
      '/',
      '/index.html',
      '/dashboard/jobs',
      '/favicon.ico',
      '/3rdpartylicenses.txt',
      '/assets/logo.svg',
      '/assets/redirect-page.js',
      // Named like a hashed file, but not one the build names: copied from public/ as is.
      '/icon-SETTINGS.svg',
      '/assets/banner-DARKMODE.png',
    ]) {
      assert.deepEqual(await cacheControl(path), { status: 200, value: 'no-cache' }, path);
    }
  });

  it('keeps revalidation cheap: a 304 for an unchanged file, with its Cache-Control', async () => {
    for (const path of ['/index.html', '/', '/main-7ZTZHPRJ.js']) {
      const first = await fetch(`${server.url}${path}`);
      await first.arrayBuffer();
      const etag = first.headers.get('etag');
      assert.ok(etag, path);
      // Over node:http: fetch adds `Cache-Control: no-cache` to a request with If-None-Match,
      // which asks for the whole file again, as a browser's reload does.
      const again = await plainGet(`${server.url}${path}`, { 'if-none-match': etag });
      assert.equal(again.status, 304, path);
      assert.equal(again.cacheControl, first.headers.get('cache-control'), path);
    }
  });
});
