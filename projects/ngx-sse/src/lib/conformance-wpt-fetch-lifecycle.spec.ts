import { EnvironmentInjector } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { SseClient, type SseEventMap, type SseStreamOptions, withCredentials } from 'ngx-sse';
import { firstValueFrom } from 'rxjs';

import { type StubEvents, uniqueKey, until } from './sse-stub.spec-helper';
import { playWpt, saw, settleFor, wptServer } from './wpt-server.spec-helper';
import { seenMessage, serveWire } from './wire-client.spec-helper';

// The web-platform-tests `eventsource/` directory (github.com/web-platform-tests/wpt), ported to
// the library's public API. Each `it()` names the WPT file it comes from. Here each case runs the
// WPT URL on the fetch transport against the fake WPT server (`wpt-server.spec-helper.ts`), or,
// for redirects, over real HTTP to Karma's stub: credentials, status codes, reconnection, the
// states, close() and the URL. The event stream format and the request headers are in
// `conformance-wpt-fetch.spec.ts`.

/** A stream of `url` on the fetch transport, for a TestBed `serveWire()` configured. */
const openFetch = <M extends SseEventMap>(url: string, options: SseStreamOptions = {}) =>
  TestBed.inject(SseClient).stream<M>(url, {
    transport: 'fetch',
    injector: TestBed.inject(EnvironmentInjector),
    ...options,
  });

describe('web-platform-tests eventsource/, ported: fetch transport', () => {
  for (const { what, features, option, credentials } of [
    { what: 'default', features: [], option: undefined, credentials: 'same-origin' },
    { what: 'disabled', features: [], option: false, credentials: 'same-origin' },
    { what: 'enabled', features: [], option: true, credentials: 'include' },
    {
      what: 'enabled by withCredentials()',
      features: [withCredentials()],
      option: undefined,
      credentials: 'include',
    },
  ]) {
    it(`request-credentials.htm: credentials ${what}`, async () => {
      // Cross-origin cookies are the browser's fetch; what the library controls is the mode.
      const server = wptServer();
      serveWire(server.fetch, { features });
      const stream = openFetch('resources/message.py', {
        deserialize: 'text',
        ...(option === undefined ? {} : { withCredentials: option }),
      });
      const { data } = await firstValueFrom(stream.messages());
      expect(data).toBe('data');
      expect(server.requests[0].init.credentials).toBe(credentials as RequestCredentials);
      stream.close();
    });
  }

  for (const status of [204, 205, 210, 299, 404, 410]) {
    it(`request-status-error.htm (${status}): fails the connection, no message, no reconnect`, async () => {
      const { stream, seen, requests, scheduler } = playWpt(
        `resources/status-error.py?status=${status}`,
      );
      await until(() => stream.state().status === 'closed', 'closed');
      scheduler.tick(60_000);
      await settleFor();
      expect(seen).toEqual([]);
      expect(requests.length).toBe(1);
    });
  }

  it('eventsource-reconnect.js (200): a response that ends is reconnected', async () => {
    const { stream, seen, nextAttempt } = playWpt('resources/status-reconnect.py?status=200');
    await nextAttempt(2);
    await saw(seen, 1);
    expect(seen).toEqual([seenMessage('data')]);
    stream.close();
  });

  it('eventsource-reconnect.js: test reconnection events', async () => {
    const { stream, seen, nextAttempt } = playWpt(
      'resources/status-reconnect.py?status=200&ok_first&id=2',
    );
    await saw(seen, 1);
    expect(seen).toEqual([seenMessage('ok')]);
    // Between the two: reconnecting (EventSource's error event, readyState CONNECTING).
    await nextAttempt(2);
    await saw(seen, 2);
    expect(seen).toEqual([seenMessage('ok'), seenMessage('data')]);
    stream.close();
  });

  it('eventsource-close.window.js, eventsource-readyState.html: connecting, then open, then closed at once by close()', async () => {
    const { stream } = playWpt('resources/message2.py');
    expect(stream.state().status).toBe('connecting');
    await until(() => stream.state().status === 'open', 'open');
    stream.close();
    expect(stream.state().status).toBe('closed');
  });

  it('eventsource-close.window.js, test events: two reconnects, then a 204 closes it', async () => {
    const { stream, seen, requests, nextAttempt, scheduler } = playWpt(
      `resources/reconnect-fail.py?id=${Date.now()}`,
    );
    await saw(seen, 1);
    await nextAttempt(2);
    await saw(seen, 2);
    await nextAttempt(2);
    await until(() => stream.state().status === 'closed', 'closed');
    scheduler.tick(60_000);
    await settleFor(100);
    expect(seen.map(({ data }) => data)).toEqual(['opened', 'reconnected']);
    expect(requests.length).toBe(3);
  });

  it('eventsource-onopen.js: open is announced before the first message', async () => {
    const { stream, seen } = playWpt('resources/message2.py');
    // One timeline: each state as announced, and each message as delivered.
    const timeline: string[] = [];
    stream.state$.subscribe(({ status }) => timeline.push(status));
    stream.events().subscribe(({ type }) => timeline.push(type));
    await saw(seen, 1);
    // message2.py sends several messages in its first read; what matters is what comes first.
    expect(timeline.slice(0, 3)).toEqual(['connecting', 'open', 'message']);
    stream.close();
  });

  it('eventsource-eventtarget.js: a listener for "message" gets the message', async () => {
    serveWire(wptServer().fetch);
    const stream = openFetch<{ message: string }>('resources/message.py', {
      deserialize: 'text',
    });
    const { data } = await firstValueFrom(stream.on('message'));
    expect(data).toBe('data');
    stream.close();
  });

  it('eventsource-constructor-url-bogus.any.js: an invalid URL throws at once, without a request', () => {
    // WPT's "http://this is invalid/" is accepted by Chromium's URL parser (it escapes the
    // spaces), so Chromium's own EventSource does not throw on it either; this is a URL every
    // parser refuses. EventSource throws a SyntaxError; stream() throws an SseError.
    const server = wptServer();
    serveWire(server.fetch);
    expect(() => openFetch('http://[bad/')).toThrowMatching(
      (error) => error?.reason === 'invalid-request',
    );
    expect(server.requests.length).toBe(0);
  });

  it('eventsource-constructor-empty-url.js: an empty URL is the document URL, not an error', async () => {
    const server = wptServer();
    serveWire(server.fetch);
    const stream = openFetch('');
    stream.events().subscribe({ error: () => undefined });
    await until(() => server.requests.length === 1, 'the request');
    expect(server.requests[0].url.href).toBe(new URL('', document.baseURI).href);
    stream.close();
  });

  it('eventsource-request-cancellation.any.js: closing a pending request aborts it, nothing follows', async () => {
    // WPT stops the page (window.stop()) while the response is pending; close() is the library's.
    const { stream, seen, requests, scheduler } = playWpt(
      'resources/message.py?sleep=1000&message=' + encodeURIComponent('retry:1000\ndata:abc\n\n'),
    );
    await until(() => requests.length === 1, 'the request');
    stream.close();
    expect(stream.state().status).toBe('closed');
    expect(requests[0].init.signal?.aborted).toBeTrue();
    // The abort rejects the pending fetch at once; its answer never comes.
    await expectAsync(requests[0].response).toBeRejected();
    scheduler.tick(60_000);
    expect(seen).toEqual([]);
    expect(stream.state().status).toBe('closed');
    expect(requests.length).toBe(1);
  });
});

describe('web-platform-tests eventsource/, ported: fetch transport over real HTTP', () => {
  // request-redirect.htm: /common/handlers/redirect.py is Karma's stub here (karma-sse-stub.cjs).
  for (const code of [301, 302, 303, 307]) {
    it(`request-redirect.htm (${code}): follows the redirect and opens`, async () => {
      serveWire((input, init) => fetch(input, init));
      const stream = openFetch<StubEvents>(`/sse-stub/redirect?key=${uniqueKey()}&code=${code}`);
      const { data } = await firstValueFrom(stream.on('echo'));
      expect([data.count, data.method]).toEqual([2, 'GET']);
      stream.close();
    });
  }
});
