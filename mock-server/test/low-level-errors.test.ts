import assert from 'node:assert/strict';
import { once } from 'node:events';
import { connect } from 'node:net';
import { after, before, describe, it } from 'node:test';

import { login, startServer, type Server } from './helpers.ts';
import { HOST, JSON_TYPE as json, rawBuilders, rawRequest } from './raw-http.ts';

describe('malformed low-level requests get the one JSON error shape', () => {
  let server: Server;
  let cookie: string;
  before(async () => {
    server = await startServer({ faults: true });
    cookie = `Cookie: ${await login(server.url, 'alice')}\r\n`;
  });
  after(() => server.stop());

  const { get, post } = rawBuilders(() => cookie);
  const login400 = (headers: string, body: string) =>
    `POST /api/session HTTP/1.1\r\n${HOST}${json}${headers}\r\n${body}`;

  // [what, bytes, status, error code]
  const cases = (): [string, string, number, string][] => [
    ['garbage request line', 'GARBAGE\r\n\r\n', 400, 'bad-request'],
    ['unknown method', `FOO /api/health HTTP/1.1\r\n${HOST}\r\n`, 400, 'bad-request'],
    ['bad HTTP version', `GET /api/health HTTP/9.9\r\n${HOST}\r\n`, 400, 'bad-request'],
    ['bare LF line ends', `GET /api/health HTTP/1.1\n${HOST.trim()}\n\n`, 400, 'bad-request'],
    ['path without slash', `GET api/health HTTP/1.1\r\n${HOST}\r\n`, 400, 'bad-request'],
    ['NUL in the path', `GET /api/\0x HTTP/1.1\r\n${HOST}\r\n`, 400, 'bad-request'],
    ['header without colon', get('/api/health', 'Bad Header\r\n'), 400, 'bad-request'],
    ['space in a header name', get('/api/health', 'Bad Name: x\r\n'), 400, 'bad-request'],
    ['control byte in a value', get('/api/health', 'X: a\x01b\r\n'), 400, 'bad-request'],
    ['non-ASCII header name', get('/api/health', 'Ä: x\r\n'), 400, 'bad-request'],
    ['obsolete line folding', get('/api/health', 'X: a\r\n b\r\n'), 400, 'bad-request'],
    [
      'oversize header',
      get('/api/health', `X-Big: ${'a'.repeat(20_000)}\r\n`),
      431,
      'headers-too-large',
    ],
    ['oversize URL', get(`/${'a'.repeat(20_000)}`), 431, 'headers-too-large'],
    ['bad percent-encoding', get('/api/%zz'), 400, 'bad-request'],
    ['percent-encoded bad UTF-8', get('/api/jobs/%E0%A4%A', cookie), 400, 'bad-request'],
    [
      'overlong path parameter',
      `DELETE /api/jobs/${'x'.repeat(150)} HTTP/1.1\r\n${HOST}${cookie}\r\n`,
      414,
      'uri-too-long',
    ],
    ['missing Host', 'GET /api/health HTTP/1.1\r\n\r\n', 400, 'bad-request'],
    ['empty Host', 'GET /api/health HTTP/1.1\r\nHost:\r\n\r\n', 400, 'bad-request'],
    [
      'text/plain body',
      post('/api/notifications', 'Content-Type: text/plain\r\n', 'hi'),
      415,
      'unsupported-media-type',
    ],
    [
      'XML body',
      post('/api/jobs', 'Content-Type: application/xml\r\n', '<job/>'),
      415,
      'unsupported-media-type',
    ],
    [
      'gzip-encoded body',
      post('/api/notifications', `${json}Content-Encoding: gzip\r\n`, '{}'),
      415,
      'unsupported-media-type',
    ],
    ['malformed JSON', post('/api/notifications', json, '{"level":'), 400, 'bad-request'],
    [
      'body over 16 KB',
      post('/api/notifications', json, `"${'m'.repeat(17_000)}"`),
      413,
      'payload-too-large',
    ],
    ['non-numeric Content-Length', login400('Content-Length: abc\r\n', '{}'), 400, 'bad-request'],
    [
      'two Content-Lengths',
      login400('Content-Length: 2\r\nContent-Length: 3\r\n', '{}'),
      400,
      'bad-request',
    ],
    [
      'Content-Length with chunked',
      login400('Content-Length: 2\r\nTransfer-Encoding: chunked\r\n', '2\r\n{}\r\n0\r\n\r\n'),
      400,
      'bad-request',
    ],
    ['bad chunk size', login400('Transfer-Encoding: chunked\r\n', 'zz\r\n'), 400, 'bad-request'],
    [
      'unknown Transfer-Encoding',
      login400('Transfer-Encoding: gzip\r\n', '{}'),
      400,
      'bad-request',
    ],
    [
      'unsupported Expect',
      login400('Expect: foo\r\nContent-Length: 2\r\n', '{}'),
      417,
      'expectation-failed',
    ],
    ['CONNECT', `CONNECT 127.0.0.1:1 HTTP/1.1\r\n${HOST}\r\n`, 405, 'method-not-allowed'],
    [
      'unknown route with a valid method',
      `PROPFIND /api/nope HTTP/1.1\r\n${HOST}\r\n`,
      404,
      'not-found',
    ],
    [
      'a WebDAV method on a known route',
      `PROPFIND /api/health HTTP/1.1\r\n${HOST}\r\n`,
      405,
      'method-not-allowed',
    ],
    ['HTTP/2.0 request line', `GET /api/health HTTP/2.0\r\n${HOST}\r\n`, 400, 'bad-request'],
    ['HTTP/0.9 request line', 'GET /api/health\r\n\r\n', 400, 'bad-request'],
    ['a fragment in the target', get('/api/health#x'), 400, 'bad-request'],
    ['two Hosts', get('/api/health', 'Host: evil.test\r\n'), 400, 'bad-request'],
    [
      'two Content-Types',
      login400('Content-Type: text/plain\r\nContent-Length: 2\r\n', '{}'),
      400,
      'bad-request',
    ],
    [
      'a transfer coding before chunked',
      login400('Transfer-Encoding: gzip, chunked\r\n', '2\r\n{}\r\n0\r\n\r\n'),
      400,
      'bad-request',
    ],
    [
      'bad percent-encoding in the query',
      get('/api/events?topics=%zz', cookie),
      400,
      'bad-request',
    ],
  ];

  it('answers each with its status and { error, detail }', async () => {
    const list = cases();
    assert.ok(list.length >= 30);
    for (const [what, bytes, status, code] of list) {
      const answer = await rawRequest(server.url, bytes);
      assert.equal(answer.status, status, what);
      assert.match(answer.headers, /content-type: application\/json/i, what);
      const body = JSON.parse(answer.body) as Record<string, unknown>;
      assert.deepEqual(Object.keys(body), ['error', 'detail'], what);
      assert.equal(body['error'], code, what);
    }
  });

  it('closes the connection after a 417, whose body it never reads', async () => {
    const { port } = new URL(server.url);
    const socket = connect(Number(port), '127.0.0.1');
    await once(socket, 'connect');
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1')));
    // The body is not sent: the next bytes on a kept connection would be read as a request.
    socket.write(login400('Expect: foo\r\nContent-Length: 2\r\n', ''));
    const closed = once(socket, 'close');
    const timeout = new Promise((_, reject) =>
      setTimeout(() => reject(new Error(`still open after: ${answer}`)), 3000).unref(),
    );
    await Promise.race([closed, timeout]);
    assert.match(answer, /^HTTP\/1\.1 417 /);
    assert.match(answer, /\r\nconnection: close\r\n/i);
  });

  it('names the header or line at fault where Node lets the request through', async () => {
    const fields: [string, string][] = [
      [`GET /api/health HTTP/2.0\r\n${HOST}\r\n`, 'request'],
      [get('/api/health#x'), 'url'],
      [get('/api/health', 'Host: evil.test\r\n'), 'host'],
      [login400('Content-Type: text/plain\r\nContent-Length: 2\r\n', '{}'), 'content-type'],
      [login400('Transfer-Encoding: gzip, chunked\r\n', '0\r\n\r\n'), 'transfer-encoding'],
    ];
    for (const [bytes, field] of fields) {
      const body = JSON.parse((await rawRequest(server.url, bytes)).body) as { detail: unknown };
      assert.equal((body.detail as { field: string }).field, field, bytes.split('\r\n')[0]);
    }
  });

  it('reads content and transfer codings case-insensitively, as RFC 9110 says', async () => {
    const body = '{"username":"carol"}';
    const codings = 'Content-Encoding: IDENTITY\r\nTransfer-Encoding: Chunked\r\n';
    const chunked = `${body.length.toString(16)}\r\n${body}\r\n0\r\n\r\n`;
    const answer = await rawRequest(server.url, login400(codings, chunked));
    assert.equal(answer.status, 200, answer.body);
  });

  it('keeps HTTP/1.0 without Host working, as HTTP/1.0 allows', async () => {
    const answer = await rawRequest(server.url, 'GET /api/health HTTP/1.0\r\n\r\n');
    assert.equal(answer.status, 200);
  });

  it('can only close a socket whose response is already streaming', async () => {
    const { hostname, port } = new URL(server.url);
    const socket = connect(Number(port), hostname);
    socket.write(`GET /api/events HTTP/1.1\r\n${HOST}${cookie}\r\n`);
    let received = '';
    await new Promise<void>((resolve) =>
      socket.on('data', (chunk) => {
        received += chunk.toString();
        if (received.includes('retry:')) resolve();
      }),
    );
    socket.write('GARBAGE\r\n\r\n');
    await once(socket, 'close');
    assert.match(received, /^HTTP\/1\.1 200/);
    assert.doesNotMatch(received, /bad-request/, 'no error can follow a started response');
  });

  it('stays up after all of that', async () => {
    assert.equal((await fetch(`${server.url}/api/health`)).status, 200);
  });
});
