import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { login, startServer, type Server } from './helpers.ts';
import { HOST, JSON_TYPE as json, rawBuilders, rawRequest } from './raw-http.ts';

const LONG = 'x'.repeat(8000);

describe('errors quote at most an excerpt of what the client sent', () => {
  let server: Server;
  let cookie: string;
  before(async () => {
    server = await startServer();
    cookie = `Cookie: ${await login(server.url, 'alice')}\r\n`;
  });
  after(() => server.stop());

  const { get, post } = rawBuilders(() => cookie);

  // [what, bytes, status]: each puts 8,000 characters where the error names what it refuses.
  const cases: [string, () => string, number][] = [
    ['Last-Event-ID', () => get('/api/ticks', `Last-Event-ID: ${LONG}\r\n`), 400],
    ['lastEventId query', () => get(`/api/ticks?lastEventId=%20${LONG}`), 400],
    ['an unknown topic', () => get(`/api/events?topics=${LONG}`, cookie), 400],
    ['an unknown query parameter', () => get(`/api/health?${LONG}=1`), 400],
    ['an unknown body field', () => post('/api/jobs', json, `{"name":"a","${LONG}":1}`), 400],
    ['a path no route answers', () => get(`/api/${LONG}`), 404],
    ['a Content-Type', () => post('/api/jobs', `Content-Type: text/${LONG}\r\n`, '{}'), 415],
    ['a charset', () => post('/api/jobs', `${json.trim()}; charset=${LONG}\r\n`, '{}'), 415],
    [
      'a Content-Encoding',
      () => post('/api/jobs', `${json}Content-Encoding: ${LONG}\r\n`, '{}'),
      415,
    ],
    [
      'a Transfer-Encoding',
      () =>
        `POST /api/jobs HTTP/1.1\r\n${HOST}${cookie}${json}` +
        `Transfer-Encoding: ${LONG}, chunked\r\n\r\n0\r\n\r\n`,
      400,
    ],
    ['an Expect', () => post('/api/jobs', `${json}Expect: ${LONG}\r\n`, '{}'), 417],
    [
      'a cross-site Origin',
      () =>
        post('/api/jobs', `${json}Sec-Fetch-Site: cross-site\r\nOrigin: http://${LONG}\r\n`, '{}'),
      403,
    ],
  ];

  it('answers each with its status and an error body of a few hundred bytes', async () => {
    for (const [what, bytes, status] of cases) {
      const answer = await rawRequest(server.url, bytes());
      assert.equal(answer.status, status, `${what}: ${answer.body.slice(0, 200)}`);
      assert.ok(answer.body.length < 400, `${what}: ${answer.body.length} bytes`);
      // rawRequest reads bytes as Latin-1; the excerpt's ellipsis is UTF-8.
      const text = Buffer.from(answer.body, 'latin1').toString('utf8');
      const body = JSON.parse(text) as Record<string, unknown>;
      assert.deepEqual(Object.keys(body), ['error', 'detail'], what);
      assert.match(text, /x…/, `${what}: the excerpt says it is cut`);
    }
  });
});
