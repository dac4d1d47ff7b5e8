import { until } from './sse-stub.spec-helper';
import { FORMAT_CASES, FROM_READABLE_STREAM } from './wpt-cases.spec-helper';
import { headerText, playWpt, saw, settleFor } from './wpt-server.spec-helper';
import { playWire, seenMessage } from './wire-client.spec-helper';

// The web-platform-tests `eventsource/` directory (github.com/web-platform-tests/wpt), ported to
// the library's public API. Each `it()` names the WPT file it comes from. Here each case runs the
// WPT URL on the fetch transport against the fake WPT server (`wpt-server.spec-helper.ts`): the
// event stream format, the id and retry fields, the MIME type and the request headers.
// Credentials, status codes, reconnection, the states and close() are in
// `conformance-wpt-fetch-lifecycle.spec.ts`. WPT cases that only a browser's
// `EventSource` object can satisfy (workers, realms, IDL, `document.domain`, bfcache,
// window.stop()) are not ported.

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
      const { stream, seen, nextAttempt } = playWire([{ reads }]);
      await nextAttempt(retries?.[0] ?? 0);
      expect(seen).toEqual(events);
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
});
