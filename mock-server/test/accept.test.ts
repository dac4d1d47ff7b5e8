import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { login, startServer, type Server } from './helpers.ts';

describe('the Accept header of a stream request', () => {
  let server: Server;
  let cookie: string;
  /** The status and error of a stream request; a stream that opens is closed at once. */
  const ask = async (path: string, accept: string | undefined, json?: unknown) => {
    const controller = new AbortController();
    const headers: Record<string, string> = { cookie };
    if (accept !== undefined) headers['accept'] = accept;
    if (json !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${server.url}${path}`, {
      method: json === undefined ? 'GET' : 'POST',
      headers,
      body: json === undefined ? undefined : JSON.stringify(json),
      signal: controller.signal,
    });
    const isJson = response.headers.get('content-type')?.startsWith('application/json');
    const body = isJson ? ((await response.json()) as { error: string; detail: string }) : null;
    controller.abort();
    return { status: response.status, body };
  };
  const STREAMS: [path: string, json?: unknown][] = [
    ['/api/events'],
    ['/api/ticks'],
    ['/api/chat', { prompt: 'hi' }],
  ];

  before(async () => {
    server = await startServer({ chatPerMinute: 1000 });
    cookie = await login(server.url, 'alice');
  });
  after(() => server.stop());

  it('opens the stream for any Accept that takes text/event-stream, or none', async () => {
    for (const accept of [
      undefined,
      '',
      'text/event-stream',
      'TEXT/Event-Stream; charset=utf-8',
      '*/*',
      'text/*',
      'application/json, text/event-stream;q=0.5',
      'application/json, text/plain, */*',
      'not a media range',
    ]) {
      for (const [path, json] of STREAMS) {
        assert.equal((await ask(path, accept, json)).status, 200, `${path} Accept: ${accept}`);
      }
    }
  });

  it('answers 406 when Accept rules text/event-stream out', async () => {
    for (const accept of [
      'application/json',
      'text/html, image/*',
      'text/event-stream;q=0',
      'text/event-stream;q=0, */*', // the most specific range decides
      'text/*;q=0, */*',
    ]) {
      for (const [path, json] of STREAMS) {
        const { status, body } = await ask(path, accept, json);
        assert.equal(status, 406, `${path} Accept: ${accept}`);
        assert.equal(body?.error, 'not-acceptable');
        assert.match(body?.detail ?? '', /text\/event-stream/);
      }
    }
  });
});
