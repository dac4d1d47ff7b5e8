import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';

import { parseCli } from '../src/cli.ts';
import type { Health, StreamCaps } from '../src/wire.ts';
import { call, eventually, login, startServer, type Server } from './helpers.ts';
import { SseStream } from './sse-client.ts';

describe('caps on open SSE streams: per session and in all', () => {
  let server: Server;
  let open: SseStream[] = [];
  afterEach(async () => {
    open.forEach((stream) => stream.close());
    open = [];
    await server.stop();
  });

  const caps = async () => ((await call(`${server.url}/api/health`)).body as Health).streamCaps;
  const openCount = async (n: number) => eventually(async () => (await caps()).open === n);
  const events = async (cookie?: string) => {
    const stream = await SseStream.open(`${server.url}/api/events`, cookie);
    open.push(stream);
    return stream;
  };
  const ticks = async () => {
    const stream = await SseStream.open(`${server.url}/api/ticks`);
    open.push(stream);
    return stream;
  };
  const chat = (cookie: string) =>
    call(`${server.url}/api/chat`, { cookie, json: { prompt: 'hi' } });

  /** Asserts the JSON refusal, sent instead of any stream byte. */
  const assertRefused = (
    answer: { status: number; headers: Headers; body: unknown },
    status: number,
    detail: unknown,
  ) => {
    assert.equal(answer.status, status);
    assert.match(answer.headers.get('content-type') ?? '', /^application\/json/);
    assert.equal(answer.headers.get('retry-after'), '2');
    assert.deepEqual(answer.body, { error: 'too-many-streams', detail });
  };

  it('shows the caps on /api/health; the per-session one follows the per-user one', async () => {
    server = await startServer({ maxStreamsPerUser: 3, maxStreams: 50 });
    assert.deepEqual(await caps(), {
      open: 0,
      max: 50,
      perSession: 3,
      perUser: 3,
    } satisfies StreamCaps);
    await server.stop();
    server = await startServer({ maxStreamsPerSession: 2 });
    assert.deepEqual(await caps(), { open: 0, max: 20_000, perSession: 2, perUser: 6 });
  });

  it('does not count a chat the caps refused against the chats-per-minute quota', async () => {
    server = await startServer({ maxStreamsPerSession: 1, chatPerMinute: 2 });
    const cookie = await login(server.url, 'rita');
    const stream = await events(cookie);
    for (let i = 0; i < 2; i++)
      assertRefused(await chat(cookie), 429, { scope: 'session', limit: 1 });
    stream.close();
    await openCount(0);
    assert.equal((await chat(cookie)).status, 200);
  });

  it('answers 429 over the session cap, counting its events and chats together', async () => {
    server = await startServer({ maxStreamsPerSession: 2, maxStreamsPerUser: 10 });
    const first = await login(server.url, 'alice');
    await events(first);
    await events(first);
    await openCount(2);
    assertRefused(await call(`${server.url}/api/events`, { cookie: first }), 429, {
      scope: 'session',
      limit: 2,
    });
    assertRefused(await chat(first), 429, { scope: 'session', limit: 2 });

    const second = await login(server.url, 'alice');
    assert.equal((await events(second)).response.status, 200, 'the cap is per session');
    assert.deepEqual((await caps()).open, 3);
  });

  it('frees a slot when a stream closes: hit the cap, close one, open one', async () => {
    server = await startServer({ maxStreamsPerSession: 2 });
    const cookie = await login(server.url, 'bob');
    const [one] = [await events(cookie), await events(cookie)];
    assert.equal((await call(`${server.url}/api/events`, { cookie })).status, 429);
    one.close();
    await openCount(1);
    assert.equal((await events(cookie)).response.status, 200);
    await openCount(2);
  });

  it('answers 503 over the global cap, on every streaming route, until one closes', async () => {
    server = await startServer({ maxStreams: 2 });
    const alice = await login(server.url, 'alice');
    const bob = await login(server.url, 'bob');
    const tick = await ticks();
    await events(alice);
    await openCount(2);
    const full = { scope: 'global', limit: 2 };
    assertRefused(await call(`${server.url}/api/events`, { cookie: bob }), 503, full);
    assertRefused(await call(`${server.url}/api/ticks`), 503, full);
    assertRefused(await chat(bob), 503, full);
    assert.equal((await call(`${server.url}/api/health`)).status, 200);

    tick.close();
    await openCount(1);
    assert.equal((await events(bob)).response.status, 200);
    assert.deepEqual((await caps()).open, 2);
  });

  it('frees the slot of a chat that streamed its answer to the end', async () => {
    server = await startServer({ maxStreams: 1 });
    const cookie = await login(server.url, 'carol');
    const answer = await SseStream.post(`${server.url}/api/chat`, { prompt: 'hi' }, cookie);
    assert.equal(answer.response.status, 200);
    assert.equal((await call(`${server.url}/api/ticks`)).status, 503);
    await answer.ended;
    assert.ok(answer.named('done').length === 1, 'the chat ran to its end');
    await openCount(0);
    assert.equal((await ticks()).response.status, 200);
  });
});

describe('stream cap flags', () => {
  it('reads --max-streams and --max-streams-per-session, and their variables', () => {
    const flags = parseCli(['--max-streams', '300', '--max-streams-per-session', '4'], {});
    assert.equal(flags.options.maxStreams, 300);
    assert.equal(flags.options.maxStreamsPerSession, 4);
    const env = parseCli([], { MOCK_MAX_STREAMS: '30', MOCK_MAX_STREAMS_PER_SESSION: '3' });
    assert.equal(env.options.maxStreams, 30);
    assert.equal(env.options.maxStreamsPerSession, 3);
  });

  it('refuses 0, negative, fractional and non-numeric caps with a one-line error', () => {
    for (const flag of ['max-streams', 'max-streams-per-session']) {
      for (const text of ['0', '-1', '1.5', 'many', '', '1e3', '1000001']) {
        assert.throws(() => parseCli([`--${flag}=${text}`], {}), {
          message: `--${flag} must be an integer 1-1000000, got ${JSON.stringify(text)}`,
        });
      }
    }
    assert.throws(() => parseCli(['--max-streams', '-1'], {}), {
      message: /^Option '--max-streams' argument is ambiguous\. [^\n]+--max-streams=-XYZ/,
    });
    assert.throws(() => parseCli([], { MOCK_MAX_STREAMS: '-5' }), {
      message: 'MOCK_MAX_STREAMS must be an integer 1-1000000, got "-5"',
    });
  });
});
