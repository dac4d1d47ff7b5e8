import { type SseParsedEvent, SseParser } from 'ngx-sse';

import { splitAt, splitEvery, toBytes } from './parser/parser-harness.spec-helper';
import { FORMAT_CASES, FROM_READABLE_STREAM } from './wpt-cases.spec-helper';
import { wptBody } from './wpt-server.spec-helper';
import { type Seen, seenMessage } from './wire-client.spec-helper';

// The web-platform-tests `eventsource/` directory (github.com/web-platform-tests/wpt), ported to
// the library's public API. Each `it()` names the WPT file it comes from. Here the bytes the WPT server
// sends go through the public `SseParser` directly: whole, byte by byte and cut in two at every
// byte. WPT cases that only a browser's `EventSource` object can satisfy (workers, realms, IDL,
// `document.domain`, bfcache, window.stop()) are not ported.

const encoder = new TextEncoder();

interface Parsed {
  events: SseParsedEvent[];
  retries: number[];
  lastEventId: string;
}

function parse(chunks: readonly Uint8Array[], lastEventId?: string): Parsed {
  const out: Parsed = { events: [], retries: [], lastEventId: '' };
  const parser = new SseParser(
    { event: (event) => out.events.push(event), retry: (ms) => out.retries.push(ms) },
    { lastEventId },
  );
  for (const chunk of chunks) parser.feed(chunk);
  parser.end();
  out.lastEventId = parser.lastEventId;
  return out;
}

/** Parses `input` whole, byte by byte and cut in two at every byte; all must give `expected`. */
function expectParsed(input: string | Uint8Array, expected: Partial<Parsed>): void {
  const bytes = toBytes(input);
  const want: Parsed = { events: [], retries: [], lastEventId: '', ...expected };
  expect(parse([bytes]))
    .withContext('whole')
    .toEqual(want);
  expect(parse(splitEvery(bytes, 1)))
    .withContext('byte by byte')
    .toEqual(want);
  for (let cut = 0; cut <= bytes.length; cut++) {
    const out = parse(splitAt(bytes, cut));
    // One failing cut is enough to see; stop at the first.
    if (JSON.stringify(out) !== JSON.stringify(want)) {
      expect(out).withContext(`cut at byte ${cut}`).toEqual(want);
      return;
    }
  }
}

const asParsed = ({ type, data, lastEventId }: Seen): SseParsedEvent => ({
  type,
  data,
  lastEventId,
});

describe('web-platform-tests eventsource/, ported: SseParser', () => {
  for (const { wpt, url, events, retries, lastEventId } of FORMAT_CASES) {
    it(wpt, () => {
      const expected: Partial<Parsed> = { events: events.map(asParsed) };
      if (retries) expected.retries = retries;
      expected.lastEventId =
        lastEventId ?? (events.length ? events[events.length - 1].lastEventId : '');
      expectParsed(wptBody(url), expected);
    });
  }

  for (const { name, reads, events, retries } of FROM_READABLE_STREAM) {
    it(`eventsource-from-readable-stream.any.js: ${name}`, () => {
      const chunks = reads.map((read) => encoder.encode(read));
      const out = parse(chunks);
      expect(out.events).toEqual(events.map(asParsed));
      expect(out.retries).toEqual(retries ?? []);
      // And at every other cut of the same bytes.
      expectParsed(
        chunks.reduce((all, c) => all + new TextDecoder().decode(c), ''),
        {
          events: events.map(asParsed),
          retries: retries ?? [],
          lastEventId: events[events.length - 1].lastEventId,
        },
      );
    });
  }

  it('eventsource-from-readable-stream.any.js: lastEventId persists across reconnections', () => {
    // A parser for the next connection starts from the last event ID the previous one reached.
    const first = parse([encoder.encode('id: 42\ndata: first\n\n')]);
    const second = parse([encoder.encode('data: after-reconnect\n\n')], first.lastEventId);
    expect(second.events).toEqual([asParsed(seenMessage('after-reconnect', '42'))]);
  });

  it('eventsource-from-readable-stream.any.js: stream done dispatches complete events only', () => {
    expect(parse([encoder.encode('data: hello\n\ndata: partial')]).events).toEqual([
      asParsed(seenMessage('hello')),
    ]);
    expect(parse([encoder.encode('')]).events).toEqual([]);
  });
});
