import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { EventSource, type FetchLike } from 'eventsource';

import { call, eventually, login, seqOf, startServer, streamsOf, type Server } from './helpers.ts';

/**
 * The npm `eventsource` client, the WHATWG algorithm outside a browser. Cookies go through a
 * custom fetch; it also records each request's Last-Event-ID to check what reconnects send.
 */
function connect(url: string, cookie: string, lastEventIds: (string | undefined)[] = []) {
  const withCookie: FetchLike = (input, init) => {
    lastEventIds.push(init.headers['Last-Event-ID']);
    return fetch(input, { ...init, headers: { ...init.headers, cookie } });
  };
  return new EventSource(url, { fetch: withCookie });
}

describe('the eventsource npm client against the server', () => {
  let server: Server;
  let cookie: string;
  const fault = (json: unknown) => call(`${server.url}/api/faults`, { cookie, json });

  before(async () => {
    server = await startServer({ faults: true, retryMs: 100 });
    cookie = await login(server.url, 'alice');
  });
  after(() => server.stop());

  it('reconnects by itself after the server drops the stream', async () => {
    const source = connect(`${server.url}/api/events`, cookie);
    let opens = 0;
    source.addEventListener('open', () => opens++);
    await eventually(() => opens === 1);
    assert.deepEqual((await fault({ kind: 'drop' })).body, { kind: 'drop', streams: 1 });
    await eventually(() => opens === 2);
    assert.equal(source.readyState, EventSource.OPEN);
    await eventually(async () => (await streamsOf(server.url, 'alice')) === 1);
    source.close();
  });

  it('resumes with Last-Event-ID: no loss and no duplicates across a drop', async () => {
    const lastEventIds: (string | undefined)[] = [];
    const source = connect(`${server.url}/api/events?topics=notifications`, cookie, lastEventIds);
    const titles: string[] = [];
    let idBeforeDrop = '';
    source.addEventListener('notification', (event) => {
      titles.push(JSON.parse(event.data).title);
      if (titles.length === 10) {
        idBeforeDrop = event.lastEventId;
        void fault({ kind: 'drop' });
      }
    });
    await eventually(() => source.readyState === EventSource.OPEN);
    await call(`${server.url}/api/load`, {
      cookie,
      json: { event: 'notification', count: 40, ratePerSec: 100 },
    });

    await eventually(() => titles.length >= 40, 10_000);
    assert.deepEqual(
      titles,
      Array.from({ length: 40 }, (_, i) => `load ${i + 1}/40`),
    );
    assert.equal(lastEventIds[0], undefined, 'the first request has no id');
    assert.ok(seqOf(lastEventIds[1]!) >= seqOf(idBeforeDrop), 'the reconnect sent its last id');
    source.close();
  });

  it('stops reconnecting when the server answers 204', async () => {
    const source = connect(`${server.url}/api/events`, cookie);
    const errors: (number | undefined)[] = [];
    source.addEventListener('error', (event) => errors.push(event.code));
    await eventually(() => source.readyState === EventSource.OPEN);
    // Arming it ends the open stream too, so the reconnect meets it.
    await fault({ kind: 'no-content' });
    await eventually(() => source.readyState === EventSource.CLOSED);
    assert.equal(errors.at(-1), 204);
    await eventually(async () => (await streamsOf(server.url, 'alice')) === 0);
  });

  it('stops on 401 after logout ends the stream', async () => {
    const own = await login(server.url, 'bob');
    const source = connect(`${server.url}/api/events`, own);
    const errors: (number | undefined)[] = [];
    source.addEventListener('error', (event) => errors.push(event.code));
    await eventually(() => source.readyState === EventSource.OPEN);
    await call(`${server.url}/api/session`, { method: 'DELETE', cookie: own });
    await eventually(() => source.readyState === EventSource.CLOSED);
    assert.equal(errors.at(-1), 401);
  });
});
