import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { startServer } from './helpers.ts';

describe('GET /api/health', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  before(async () => (server = await startServer()));
  after(() => server.stop());

  it('answers 200 with a JSON status', async () => {
    const response = await fetch(`${server.url}/api/health`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /application\/json/);
    const body = (await response.json()) as { status: string; uptimeMs: number };
    assert.equal(body.status, 'ok');
    assert.ok(body.uptimeMs >= 0);
  });
});
