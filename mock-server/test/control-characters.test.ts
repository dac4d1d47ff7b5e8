import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { call, login, startServer, type Server } from './helpers.ts';

interface Refusal {
  error: string;
  detail: { field: string; message: string };
}

describe('control characters in text fields', () => {
  let server: Server;
  let cookie: string;
  before(async () => {
    server = await startServer({ chatPerMinute: 1000 });
    cookie = await login(server.url, 'alice');
  });
  after(() => server.stop());

  const post = (path: string, json: unknown) => call(`${server.url}${path}`, { cookie, json });

  it('refuses NUL, escapes and line breaks in one-line labels (title, job name)', async () => {
    for (const label of [
      ' \u0000 ',
      'a\u0000b',
      'bell\u0007',
      'two\nlines',
      'esc\u001b[31m',
      'del\u007f',
      'next line\u0085',
      'csi\u009b31m',
    ]) {
      for (const [path, body, field] of [
        ['/api/notifications', { level: 'INFO', title: label }, 'title'],
        ['/api/jobs', { name: label }, 'name'],
      ] as const) {
        const { status, body: refusal } = await post(path, body);
        assert.equal(status, 400, `${path} ${JSON.stringify(label)}`);
        assert.deepEqual((refusal as Refusal).detail, {
          field,
          message: 'must not contain control characters',
        });
      }
    }
  });

  it('refuses NUL and other controls in free text, but keeps tabs and line breaks', async () => {
    const refused = await post('/api/notifications', {
      level: 'INFO',
      title: 't',
      message: 'a\u0000',
    });
    assert.equal(refused.status, 400);
    assert.equal((refused.body as Refusal).detail.field, 'message');
    const chat = await post('/api/chat', { prompt: 'hi\u0000' });
    assert.equal(chat.status, 400);
    assert.equal((chat.body as Refusal).detail.field, 'prompt');
    const kept = await post('/api/notifications', {
      level: 'INFO',
      title: 't',
      message: 'a\tb\r\nc',
    });
    assert.equal(kept.status, 201);
    assert.equal((kept.body as { message: string }).message, 'a\tb\r\nc');
  });

  it('refuses a lone surrogate, which UTF-8 cannot encode, in labels and free text', async () => {
    // JSON.stringify writes a lone surrogate as the escape `\ud800`, as a client's JSON would.
    for (const [path, body, field] of [
      ['/api/notifications', { level: 'INFO', title: 'a\ud800' }, 'title'],
      ['/api/notifications', { level: 'INFO', title: 't', message: '\udfffb' }, 'message'],
      ['/api/jobs', { name: 'x\udc00\ud800' }, 'name'],
      ['/api/chat', { prompt: 'hi \ud83d' }, 'prompt'],
    ] as const) {
      const { status, body: refusal } = await post(path, body);
      assert.equal(status, 400, `${path} ${field}`);
      assert.deepEqual((refusal as Refusal).detail, {
        field,
        message: 'must be well-formed Unicode: no lone surrogate',
      });
    }
  });

  it('keeps any other Unicode: accents, emoji, right-to-left text', async () => {
    for (const title of ['café', '😀 done', 'שלום', '\u00a0x', '\ud83d\ude00 escaped pair']) {
      const { status, body } = await post('/api/notifications', { level: 'INFO', title });
      assert.equal(status, 201, title);
      assert.equal((body as { title: string }).title, title);
    }
  });
});
