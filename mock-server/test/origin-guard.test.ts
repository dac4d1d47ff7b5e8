import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { call, login, startServer, type Server } from './helpers.ts';
import { SseStream } from './sse-client.ts';

const APP = 'http://app.test:4200';

describe('streams and writes only for the app’s own pages', () => {
  let server: Server;
  let cookie: string;
  before(async () => {
    server = await startServer({ corsOrigins: [APP] });
    cookie = await login(server.url, 'alice');
  });
  after(() => server.stop());

  const events = (headers: Record<string, string>) =>
    call(`${server.url}/api/events?topics=jobs`, { cookie, headers });
  const write = (headers: Record<string, string>) =>
    call(`${server.url}/api/notifications`, {
      cookie,
      json: { level: 'INFO', title: 't' },
      headers,
    });

  it('refuses a same-site or cross-site stream from a foreign origin, or from none', async () => {
    const foreign: Record<string, string>[] = [
      { 'sec-fetch-site': 'same-site', origin: 'http://127.0.0.1:5555' },
      { 'sec-fetch-site': 'cross-site', origin: 'http://evil.test' },
      { 'sec-fetch-site': 'same-site' }, // an <iframe> or <img> sends no Origin
    ];
    for (const headers of foreign) {
      const { status, body } = await events(headers);
      assert.equal(status, 403, JSON.stringify(headers));
      assert.equal((body as { error: string }).error, 'forbidden-origin');
    }
    const ticks = await call(`${server.url}/api/ticks`, { headers: foreign[0] });
    assert.equal(ticks.status, 403, 'public streams too');
  });

  it('refuses a stream from a foreign origin without Sec-Fetch-Site, as older browsers send', async () => {
    for (const origin of ['http://evil.test', 'http://127.0.0.1:1', 'null']) {
      for (const path of ['/api/events?topics=jobs', '/api/ticks']) {
        // Opened as a stream, so a wrongly accepted one shows as a 200 instead of hanging.
        const stream = await SseStream.open(`${server.url}${path}`, cookie, { origin });
        stream.close();
        assert.equal(stream.response.status, 403, `${path} from ${origin}`);
      }
    }
  });

  it('accepts the same from an allow-listed origin, the own origin, or without the headers', async () => {
    const fine: Record<string, string>[] = [
      { 'sec-fetch-site': 'same-site', origin: APP },
      { 'sec-fetch-site': 'same-origin', origin: server.url },
      { 'sec-fetch-site': 'none' },
      { origin: APP },
      { origin: server.url },
      {},
    ];
    for (const headers of fine) {
      const stream = await SseStream.open(`${server.url}/api/events?topics=jobs`, cookie, headers);
      assert.equal(stream.response.status, 200, JSON.stringify(headers));
      stream.close();
    }
  });

  it('refuses a cross-origin write carrying the cookie, accepts own and allow-listed ones', async () => {
    for (const origin of ['http://evil.test', 'http://127.0.0.1:1', 'null']) {
      const { status, body } = await write({ origin });
      assert.equal(status, 403, origin);
      assert.equal((body as { error: string }).error, 'forbidden-origin');
    }
    const logout = await call(`${server.url}/api/session`, {
      method: 'DELETE',
      cookie,
      headers: { origin: 'http://evil.test' },
    });
    assert.equal(logout.status, 403, 'DELETE is a write');
    for (const headers of [{ origin: APP }, { origin: server.url }, {}] as Record<
      string,
      string
    >[]) {
      assert.equal((await write(headers)).status, 201, JSON.stringify(headers));
    }
  });
});
