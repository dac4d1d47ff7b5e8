import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { answerTokens } from '../src/chat.ts';
import { call, eventually, login, startServer, type Server } from './helpers.ts';
import { dataOf, SseStream } from './sse-client.ts';

describe('POST /api/chat', () => {
  let server: Server;
  let cookie: string;
  const logs: string[] = [];
  const chat = (prompt: unknown, as = cookie) =>
    SseStream.post(`${server.url}/api/chat`, { prompt }, as);

  before(async () => {
    server = await startServer({ chatPerMinute: 4, log: (line) => logs.push(line) });
    cookie = await login(server.url, 'alice');
  });
  after(() => server.stop());

  it('streams token events, then done with the count, then ends the body', async () => {
    const stream = await chat('How do SSE streams resume?');
    assert.equal(stream.response.status, 200);
    assert.match(stream.response.headers.get('content-type') ?? '', /^text\/event-stream/);
    await stream.ended;
    const tokens = stream.named('token').map((f) => dataOf<{ text: string }>(f).text);
    assert.ok(tokens.length >= 20, `only ${tokens.length} tokens`);
    assert.deepEqual(tokens, answerTokens('How do SSE streams resume?'));
    const [done] = stream.named('done');
    assert.deepEqual(dataOf(done), { tokens: tokens.length });
    assert.equal(stream.events.at(-1), done, 'done comes last');
  });

  it('answers the same prompt the same way, and other prompts differently', () => {
    assert.deepEqual(answerTokens('tell me about retry'), answerTokens('tell me about retry'));
    assert.notDeepEqual(answerTokens('tell me about retry'), answerTokens('angular signals?'));
  });

  it('rejects a bad prompt with 400 naming the field, and non-JSON with 415', async () => {
    for (const json of [{ prompt: '' }, { prompt: 'x'.repeat(2001) }, { prompt: 42 }, {}]) {
      const { status, body } = await call(`${server.url}/api/chat`, { cookie, json });
      assert.equal(status, 400, JSON.stringify(json));
      assert.equal((body as { detail: { field: string } }).detail.field, 'prompt');
    }
    const response = await fetch(`${server.url}/api/chat`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'text/plain' },
      body: 'hello',
    });
    assert.equal(response.status, 415);
    assert.equal(((await response.json()) as { error: string }).error, 'unsupported-media-type');
  });

  it('needs a session', async () => {
    const { status, body } = await call(`${server.url}/api/chat`, { json: { prompt: 'hi' } });
    assert.equal(status, 401);
    assert.equal((body as { error: string }).error, 'unauthorized');
  });

  it('logs a chat the client closed early, with the tokens it got', async () => {
    const bob = await login(server.url, 'bob');
    const stream = await chat('hello', bob);
    await stream.waitFor((frames) => frames.length >= 2);
    stream.close();
    const line = await eventually(() => logs.find((l) => /^chat #\d+ closed by client/.test(l)));
    assert.match(line ?? '', /after [1-9]\d* tokens$/);
  });

  it('limits chats per user and minute: 429 with Retry-After and the JSON error', async () => {
    const carol = await login(server.url, 'carol');
    for (let i = 0; i < 4; i++) {
      const stream = await chat(`prompt ${i}`, carol);
      assert.equal(stream.response.status, 200);
      stream.close();
    }
    const over = await call(`${server.url}/api/chat`, {
      cookie: carol,
      json: { prompt: 'one more' },
    });
    assert.equal(over.status, 429);
    assert.match(over.headers.get('retry-after') ?? '', /^\d+$/);
    assert.equal((over.body as { error: string }).error, 'too-many-chats');
    const other = await chat('still fine', await login(server.url, 'dave'));
    assert.equal(other.response.status, 200, 'the limit is per user');
    other.close();
  });
});
