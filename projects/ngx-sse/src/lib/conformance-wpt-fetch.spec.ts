import { EnvironmentInjector } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { SseClient, withCredentials } from 'ngx-sse';
import { firstValueFrom } from 'rxjs';

import { type StubEvents, uniqueKey, until } from './sse-stub.spec-helper';
import { FORMAT_CASES, FROM_READABLE_STREAM } from './wpt-cases.spec-helper';
import {
  configure,
  headerText,
  playWpt,
  saw,
  settleFor,
  wptServer,
} from './wpt-server.spec-helper';
import { type Seen, seenMessage } from './wire-client.spec-helper';

// The web-platform-tests `eventsource/` directory (github.com/web-platform-tests/wpt), ported to
// the library's public API. Each `it()` names the WPT file it comes from. Here each case runs the
// WPT URL on the fetch transport against the fake WPT server (`wpt-server.spec-helper.ts`), or,
// for redirects, over real HTTP to Karma's stub. WPT cases that only a browser's `EventSource`
// object can satisfy (workers, realms, IDL, `document.domain`, bfcache, window.stop()) are not
// ported.

const encoder = new TextEncoder();

describe('web-platform-tests eventsource/, ported: fetch transport', () => {
  for (const { wpt, url, events } of FORMAT_CASES) {
    it(wpt, async () => {
      const { stream, seen } = playWpt(url);
      await saw(seen, events.length);
      await settleFor();
      expect(seen).toEqual(events);
      stream.close();
    });
  }

  for (const { name, reads, events, retries } of FROM_READABLE_STREAM) {
    it(`eventsource-from-readable-stream.any.js: ${name}`, async () => {
      // The same reads, as the network reads of one response.
      const fetchFn = async (_: RequestInfo | URL, init?: RequestInit) =>
        new Response(
          new ReadableStream<Uint8Array>({
            start(controller) {
              init?.signal?.addEventListener('abort', () => controller.error(init.signal!.reason));
              for (const read of reads) controller.enqueue(encoder.encode(read));
              controller.close();
            },
          }),
          { headers: { 'Content-Type': 'text/event-stream' } },
        );
      configure(fetchFn);
      const stream = TestBed.inject(SseClient).stream('/rs', {
        transport: 'fetch',
        deserialize: 'text',
        injector: TestBed.inject(EnvironmentInjector),
      });
      const seen: Seen[] = [];
      stream
        .events()
        .subscribe(({ type, data, lastEventId }) =>
          seen.push({ type, data: data as string, lastEventId }),
        );
      await until(() => stream.state().status === 'reconnecting', 'the end of the response');
      expect(seen).toEqual(events);
      const state = stream.state();
      expect(state.status === 'reconnecting' && state.delayMs).toBe(retries?.[0] ?? 0);
      stream.close();
    });
  }

  it('format-data-before-final-empty-line.any.js: the reconnect sends no id and sees test1 again', async () => {
    const { stream, seen, requests, nextAttempt } = playWpt(
      'resources/message.py?newline=none&message=' +
        encodeURIComponent('retry:1000\ndata:test1\n\nid:test\ndata:test2'),
    );
    await saw(seen, 1);
    await nextAttempt(1000);
    await saw(seen, 2);
    expect(seen).toEqual([seenMessage('test1'), seenMessage('test1')]);
    expect(requests[1].headers.has('Last-Event-ID')).toBeFalse();
    stream.close();
  });

  for (const [wpt, url] of [
    ['format-field-retry.any.js', 'resources/message.py?message=retry%3A02000%0Adata%3Ax'],
    [
      'format-field-retry-bogus.any.js',
      'resources/message.py?message=retry%3A2000%0Aretry%3A1000x%0Adata%3Ax',
    ],
  ]) {
    it(`${wpt}: the reconnect waits 2000 ms`, async () => {
      const { stream, seen, nextAttempt } = playWpt(url);
      await nextAttempt(2000);
      await saw(seen, 2);
      stream.close();
    });
  }

  it('format-field-id.htm: the reconnect sends Last-Event-ID …, and events keep it', async () => {
    const { stream, seen, requests, nextAttempt } = playWpt('resources/last-event-id.py');
    await saw(seen, 1);
    await nextAttempt(200);
    await saw(seen, 2);
    expect(seen).toEqual([seenMessage('hello', '\u2026'), seenMessage('\u2026', '\u2026')]);
    // Sent as its UTF-8 bytes, as EventSource sends it.
    expect(headerText(requests[1].headers.get('Last-Event-ID'))).toBe('\u2026');
    stream.close();
  });

  it('format-field-id-2.any.js: the id persists over two reconnects', async () => {
    const { stream, seen, requests, nextAttempt } = playWpt('resources/last-event-id.py');
    await saw(seen, 1);
    await nextAttempt(200);
    await saw(seen, 2);
    await nextAttempt(200);
    await saw(seen, 3);
    expect(seen).toEqual([
      seenMessage('hello', '\u2026'),
      seenMessage('\u2026', '\u2026'),
      seenMessage('\u2026', '\u2026'),
    ]);
    expect(requests.map(({ headers }) => headerText(headers.get('Last-Event-ID')))).toEqual([
      null,
      '\u2026',
      '\u2026',
    ]);
    stream.close();
  });

  it('format-field-id-null.htm: an id with U+0000 is never sent back', async () => {
    const { stream, seen, requests, nextAttempt } = playWpt(
      'resources/last-event-id.py?idvalue=%00%00',
    );
    await saw(seen, 1);
    await nextAttempt(200);
    await saw(seen, 2);
    expect(seen).toEqual([seenMessage('hello'), seenMessage('hello')]);
    expect(requests[1].headers.has('Last-Event-ID')).toBeFalse();
    stream.close();
  });

  for (const [what, mime] of [
    ['format-mime-bogus.any.js (x bogus)', 'x%20bogus'],
    ['format-mime-valid-bogus.htm (text/x-bogus)', 'text/x-bogus'],
  ]) {
    it(`${what}: fails the connection, no message, no reconnect`, async () => {
      const { stream, seen, requests, scheduler } = playWpt(`resources/message.py?mime=${mime}`);
      await until(() => stream.state().status === 'closed', 'closed');
      expect(stream.state()).toEqual(jasmine.objectContaining({ reason: 'bad-content-type' }));
      scheduler.tick(60_000);
      await settleFor();
      expect(seen).toEqual([]);
      expect(requests.length).toBe(1);
    });
  }

  it('format-mime-trailing-semicolon.any.js: text/event-stream; opens the stream', async () => {
    const { stream, seen } = playWpt('resources/message.py?mime=text/event-stream%3B');
    await until(() => stream.state().status !== 'connecting', 'the response');
    expect(stream.state().status === 'open' || seen.length > 0).toBeTrue();
    await saw(seen, 1);
    expect(seen).toEqual([seenMessage('data')]);
    stream.close();
  });

  it('request-accept.htm: the request sends Accept: text/event-stream', async () => {
    const { stream, seen } = playWpt('resources/accept.event_stream?pipe=sub');
    await saw(seen, 1);
    expect(seen).toEqual([seenMessage('text/event-stream')]);
    stream.close();
  });

  it('request-cache-control.any.js: each request bypasses the HTTP cache (Cache-Control: no-cache)', async () => {
    // WPT runs it twice, to check that it stays consistent; the reconnect is the second run.
    const { stream, seen, requests, nextAttempt } = playWpt(
      'resources/cache-control.event_stream?pipe=sub',
    );
    await saw(seen, 1);
    await nextAttempt();
    await saw(seen, 2);
    expect(seen).toEqual([seenMessage('no-cache'), seenMessage('no-cache')]);
    expect(requests.map(({ init }) => init.cache)).toEqual(['no-store', 'no-store']);
    stream.close();
  });

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
      configure(server.fetch, ...features);
      const stream = TestBed.inject(SseClient).stream('resources/message.py', {
        transport: 'fetch',
        deserialize: 'text',
        ...(option === undefined ? {} : { withCredentials: option }),
        injector: TestBed.inject(EnvironmentInjector),
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

  it('eventsource-close.window.js: close() from open makes it closed at once', async () => {
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
    const states: string[] = [];
    stream.state$.subscribe(({ status }) => states.push(status));
    await saw(seen, 1);
    expect(states).toContain('open');
    stream.close();
  });

  it('eventsource-readyState.html: connecting, then open, then closed after close()', async () => {
    const { stream } = playWpt('resources/message2.py');
    expect(stream.state().status).toBe('connecting');
    await until(() => stream.state().status === 'open', 'open');
    stream.close();
    expect(stream.state().status).toBe('closed');
  });

  it('eventsource-eventtarget.js: a listener for "message" gets the message', async () => {
    configure(wptServer().fetch);
    const stream = TestBed.inject(SseClient).stream<{ message: string }>('resources/message.py', {
      transport: 'fetch',
      deserialize: 'text',
      injector: TestBed.inject(EnvironmentInjector),
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
    configure(server.fetch);
    expect(() =>
      TestBed.inject(SseClient).stream('http://[bad/', {
        transport: 'fetch',
        injector: TestBed.inject(EnvironmentInjector),
      }),
    ).toThrowMatching((error) => error?.reason === 'invalid-request');
    expect(server.requests.length).toBe(0);
  });

  it('eventsource-constructor-empty-url.js: an empty URL is the document URL, not an error', async () => {
    const server = wptServer();
    configure(server.fetch);
    const stream = TestBed.inject(SseClient).stream('', {
      transport: 'fetch',
      injector: TestBed.inject(EnvironmentInjector),
    });
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
    await settleFor(1100);
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
      configure((input, init) => fetch(input, init));
      const stream = TestBed.inject(SseClient).stream<StubEvents>(
        `/sse-stub/redirect?key=${uniqueKey()}&code=${code}`,
        { transport: 'fetch', injector: TestBed.inject(EnvironmentInjector) },
      );
      const { data } = await firstValueFrom(stream.on('echo'));
      expect([data.count, data.method]).toEqual([2, 'GET']);
      stream.close();
    });
  }
});
