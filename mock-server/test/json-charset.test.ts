import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { login, startServer, type Server } from './helpers.ts';

describe('the charset of a JSON body', () => {
  let server: Server;
  let cookie: string;
  const post = (type: string, body: BodyInit) =>
    fetch(`${server.url}/api/notifications`, {
      method: 'POST',
      headers: { cookie, 'content-type': type },
      body,
    });

  before(async () => {
    server = await startServer();
    cookie = await login(server.url, 'alice');
  });
  after(() => server.stop());

  it('accepts UTF-8, named or not, in any spelling', async () => {
    const json = JSON.stringify({ level: 'INFO', title: 'café' });
    for (const type of [
      'application/json',
      'application/json; charset=utf-8',
      'application/json;charset=UTF-8',
      'application/json; charset="utf-8"',
      'application/json; charset=utf8',
    ]) {
      const response = await post(type, json);
      assert.equal(response.status, 201, type);
      assert.equal(((await response.json()) as { title: string }).title, 'café', type);
    }
  });

  it('answers any other charset with 415 instead of misreading the bytes', async () => {
    // "café" in Latin-1: decoded as UTF-8 the é would silently become U+FFFD.
    const latin1 = Buffer.from(JSON.stringify({ level: 'INFO', title: 'café' }), 'latin1');
    for (const type of [
      'application/json; charset=latin1',
      'application/json; charset=ISO-8859-1',
      'application/json; charset=utf-16',
    ]) {
      const response = await post(type, latin1);
      assert.equal(response.status, 415, type);
      const body = (await response.json()) as { error: string; detail: string };
      assert.equal(body.error, 'unsupported-media-type');
      assert.match(body.detail, /charset/);
      assert.match(body.detail, /utf-8/);
    }
  });
});
