import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { login, startServer, type Server } from './helpers.ts';
import { HOST, JSON_TYPE } from './raw-http.ts';

interface ContinueAnswer {
  /** Whether a `100 Continue` came first (and the body was then sent). */
  continued: boolean;
  status: number;
  headers: string;
  body: string;
}

const CONTINUE = /^HTTP\/1\.1 100 Continue\r\n\r\n/;

/**
 * Sends a request head with `Expect: 100-continue`, and its body only on a `100 Continue`, as
 * a client does; resolves with the final answer once all of its `Content-Length` is in.
 */
function expectContinue(base: string, head: string, body: string): Promise<ContinueAnswer> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(head));
    let text = '';
    let continued = false;
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no final answer within 3 s: ${JSON.stringify(text)}`));
    }, 3000);
    socket.setEncoding('latin1');
    socket.on('error', () => undefined);
    socket.on('data', (chunk: string) => {
      text += chunk;
      if (!continued && CONTINUE.test(text)) {
        continued = true;
        text = text.replace(CONTINUE, '');
        socket.write(body);
      }
      const end = text.indexOf('\r\n\r\n');
      if (end < 0) return;
      const headers = text.slice(0, end);
      const length = Number(/\r\ncontent-length: *(\d+)/i.exec(headers)?.[1]);
      const rest = text.slice(end + 4);
      if (Buffer.byteLength(rest, 'latin1') < length) return;
      clearTimeout(timer);
      socket.destroy();
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(headers)?.[1]);
      resolve({ continued, status, headers, body: rest });
    });
  });
}

describe('Expect: 100-continue is answered after the checks, not before', () => {
  let server: Server;
  let cookie: string;
  before(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mock-spa-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>app</title>');
    server = await startServer({ faults: true, staticDir: dir });
    cookie = `Cookie: ${await login(server.url, 'alice')}\r\n`;
  });
  after(() => server.stop());

  const body = '{"name":"from a client that waited"}';
  const post = (path: string, headers: string, length = Buffer.byteLength(body)) =>
    `POST ${path} HTTP/1.1\r\n${HOST}${JSON_TYPE}Expect: 100-continue\r\n${headers}` +
    `Content-Length: ${length}\r\n\r\n`;

  it('sends its final 4xx JSON answer, not 100 Continue, to a request it refuses', async () => {
    const cases: [string, string, number, string][] = [
      ['no session', post('/api/jobs', ''), 401, 'unauthorized'],
      [
        'a foreign origin',
        post('/api/jobs', `${cookie}Origin: http://evil.test\r\n`),
        403,
        'forbidden-origin',
      ],
      ['an unknown route', post('/api/nope', cookie), 404, 'not-found'],
      ['an unknown page path', post('/dashboard', cookie), 404, 'not-found'],
      ['a wrong method', post('/api/health', cookie), 405, 'method-not-allowed'],
      ['a body over 16 KB', post('/api/jobs', cookie, 20_000), 413, 'payload-too-large'],
      [
        'a body that is not JSON',
        post('/api/jobs', `${cookie}`).replace(JSON_TYPE, 'Content-Type: text/plain\r\n'),
        415,
        'unsupported-media-type',
      ],
    ];
    for (const [what, head, status, error] of cases) {
      const answer = await expectContinue(server.url, head, body);
      assert.equal(answer.continued, false, `${what}: no 100 Continue before the refusal`);
      assert.equal(answer.status, status, what);
      assert.match(answer.headers, /\r\nconnection: close/i, what);
      assert.equal((JSON.parse(answer.body) as { error: string }).error, error, what);
    }
  });

  it('still sends 100 Continue to a request it accepts, which then works', async () => {
    const job = await expectContinue(server.url, post('/api/jobs', cookie), body);
    assert.deepEqual([job.continued, job.status], [true, 202], job.headers);
    assert.match(job.body, /"name":"from a client that waited"/);

    const signIn = '{"username":"bob"}';
    const login = await expectContinue(
      server.url,
      post('/api/session', '', Buffer.byteLength(signIn)),
      signIn,
    );
    assert.deepEqual([login.continued, login.status], [true, 200], login.headers);
    assert.deepEqual(JSON.parse(login.body), { username: 'bob' });
  });
});
