import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import type { NotificationList } from '../src/wire.ts';
import { call, login, startServer, type Server } from './helpers.ts';

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

  it('answers an unlabelled body that is not UTF-8 with 400, storing nothing', async () => {
    const count = async () =>
      ((await call(`${server.url}/api/notifications`, { cookie })).body as NotificationList).items
        .length;
    const before = await count();
    for (const bytes of [
      Buffer.from('{"level":"INFO","title":"caf\xe9"}', 'latin1'),
      Buffer.concat([
        Buffer.from('{"level":"INFO","title":"a'),
        Buffer.from([0xed, 0xa0, 0x80]),
        Buffer.from('b"}'),
      ]),
      Buffer.concat([
        Buffer.from('{"level":"INFO","title":"a'),
        Buffer.from([0xff]),
        Buffer.from('"}'),
      ]),
    ]) {
      const response = await post('application/json', bytes);
      assert.equal(response.status, 400);
      const body = (await response.json()) as {
        error: string;
        detail: { field: string; message: string };
      };
      assert.equal(body.error, 'bad-request');
      assert.equal(body.detail.field, 'body');
      assert.match(body.detail.message, /UTF-8/);
    }
    assert.equal(await count(), before);
  });

  it('names a forbidden key however deep it is nested', async () => {
    const deep = '['.repeat(4000) + '{"__proto__":1}' + ']'.repeat(4000);
    const response = await post('application/json', `{"level":"INFO","title":"t","x":${deep}}`);
    assert.equal(response.status, 400);
    const body = (await response.json()) as { detail: { field: string } };
    assert.equal(body.detail.field, '__proto__');
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
