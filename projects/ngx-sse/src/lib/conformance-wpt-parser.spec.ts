import { type SseParsedEvent } from 'ngx-sse';

import { expectEverySplit, parseChunks, toBytes } from './parser/parser-harness.spec-helper';
import { FORMAT_CASES, FROM_READABLE_STREAM } from './wpt-cases.spec-helper';
import { wptBody } from './wpt-server.spec-helper';
import { type Seen, seenMessage } from './wire-client.spec-helper';

// The web-platform-tests `eventsource/` directory (github.com/web-platform-tests/wpt), ported to
// the library's public API. Each `it()` names the WPT file it comes from. Here the bytes the WPT server
// sends go through the parser (the public `SseParser`) directly: whole, byte by byte and cut in
// two at every byte. WPT cases that only a browser's `EventSource` object can satisfy (workers,
// realms, IDL, `document.domain`, bfcache, window.stop()) are not ported.

const asParsed = ({ type, data, lastEventId }: Seen): SseParsedEvent => ({
  type,
  data,
  lastEventId,
});

describe('web-platform-tests eventsource/, ported: SseParser', () => {
  for (const { wpt, url, events, retries, lastEventId } of FORMAT_CASES) {
    it(wpt, () => {
      expectEverySplit(wptBody(url), {
        events: events.map(asParsed),
        retries: retries ?? [],
        lastEventId: lastEventId ?? (events.length ? events[events.length - 1].lastEventId : ''),
      });
    });
  }

  for (const { name, reads, events, retries } of FROM_READABLE_STREAM) {
    it(`eventsource-from-readable-stream.any.js: ${name}`, () => {
      const expected = {
        events: events.map(asParsed),
        retries: retries ?? [],
        lastEventId: events[events.length - 1].lastEventId,
      };
      const out = parseChunks(reads.map((read) => toBytes(read)));
      expect({ events: out.events, retries: out.retries, lastEventId: out.lastEventId })
        .withContext('as read')
        .toEqual(expected);
      // And at every other cut of the same bytes.
      expectEverySplit(reads.join(''), expected);
    });
  }

  it('eventsource-from-readable-stream.any.js: lastEventId persists across reconnections', () => {
    // A parser for the next connection starts from the last event ID the previous one reached.
    const first = parseChunks([toBytes('id: 42\ndata: first\n\n')]);
    const second = parseChunks([toBytes('data: after-reconnect\n\n')], {
      lastEventId: first.lastEventId,
    });
    expect(second.events).toEqual([asParsed(seenMessage('after-reconnect', '42'))]);
  });

  it('eventsource-from-readable-stream.any.js: stream done dispatches complete events only', () => {
    expect(parseChunks([toBytes('data: hello\n\ndata: partial')]).events).toEqual([
      asParsed(seenMessage('hello')),
    ]);
    expect(parseChunks([toBytes('')]).events).toEqual([]);
  });
});
