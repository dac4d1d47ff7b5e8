import { parseChunks, splitEvery, toBytes, type ParseOutput } from './parser-harness.spec-helper';
import {
  SSE_DEFAULT_MAX_EVENT_SIZE,
  type SseParsedEvent,
  SseEventTooLargeError,
  SseParser,
} from './sse-parser';

function recorder(): { parser: SseParser; events: SseParsedEvent[] } {
  const events: SseParsedEvent[] = [];
  return { parser: new SseParser({ event: (e) => events.push(e) }, { maxEventSize: 32 }), events };
}

function feedText(parser: SseParser, text: string): void {
  parser.feed(toBytes(text));
}

describe('SseParser maxEventSize', () => {
  it('throws a typed, package-prefixed error carrying the limit', () => {
    const { parser } = recorder();
    let error: unknown;
    try {
      feedText(parser, `data: ${'x'.repeat(40)}\n\n`);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SseEventTooLargeError);
    expect(error).toBeInstanceOf(Error);
    const tooLarge = error as SseEventTooLargeError;
    expect(tooLarge.limit).toBe(32);
    expect(tooLarge.name).toBe('SseEventTooLargeError');
    expect(tooLarge.message).toMatch(/^ngx-sse: /);
  });

  it('accepts an event whose data and line reach the limit exactly', () => {
    const { parser, events } = recorder();
    feedText(parser, `data: ${'x'.repeat(26)}\n\n`);
    expect(events).toEqual([{ type: 'message', data: 'x'.repeat(26), lastEventId: '' }]);
  });

  it('bounds data accumulated over many short lines', () => {
    const { parser } = recorder();
    expect(() => feedText(parser, 'data: 12345\n'.repeat(5))).toThrowError(SseEventTooLargeError);
  });

  it('bounds a line that never ends, even fed one byte at a time', () => {
    const { parser } = recorder();
    const bytes = toBytes(`: ${'z'.repeat(100)}`);
    let fed = 0;
    expect(() => {
      for (const chunk of splitEvery(bytes, 1)) {
        parser.feed(chunk);
        fed++;
      }
    }).toThrowError(SseEventTooLargeError);
    expect(fed).toBe(32);
  });

  it('dispatches the events before the oversized one, then keeps failing until reset', () => {
    const { parser, events } = recorder();
    expect(() => feedText(parser, `id: 1\ndata: a\n\ndata: ${'y'.repeat(40)}\n`)).toThrowError(
      SseEventTooLargeError,
    );
    expect(events.map((e) => e.data)).toEqual(['a']);
    expect(() => feedText(parser, 'data: b\n\n')).toThrowError(SseEventTooLargeError);
    parser.reset();
    feedText(parser, 'data: c\n\n');
    expect(events.map((e) => e.data)).toEqual(['a', 'c']);
    expect(events[1].lastEventId).toBe('1');
    expect(parser.lastEventId).toBe('1');
  });

  it('defaults to 1 MiB', () => {
    const big = 'x'.repeat(SSE_DEFAULT_MAX_EVENT_SIZE / 2);
    expect(parseChunks([toBytes(`data: ${big}\n\n`)]).events[0].data.length).toBe(big.length);
    expect(() => parseChunks([toBytes(`data: ${big}\ndata: ${big}\n\n`)])).toThrowError(
      SseEventTooLargeError,
    );
  });

  it('rejects a limit that is not positive', () => {
    for (const maxEventSize of [0, -1, NaN]) {
      expect(() => new SseParser({ event: () => undefined }, { maxEventSize })).toThrowError(
        RangeError,
      );
    }
  });
});

describe('SseParser lifecycle', () => {
  it('dispatches synchronously inside feed()', () => {
    const { parser, events } = recorder();
    feedText(parser, 'data: a\n');
    expect(events).toEqual([]);
    feedText(parser, '\n');
    expect(events.length).toBe(1);
  });

  it('starts from a seeded lastEventId, as a reconnection keeps it', () => {
    const events: SseParsedEvent[] = [];
    const parser = new SseParser({ event: (e) => events.push(e) }, { lastEventId: '41' });
    expect(parser.lastEventId).toBe('41');
    parser.feed(new TextEncoder().encode('data: a\n\nid: 42\ndata: b\n\n'));
    expect(events.map((e) => e.lastEventId)).toEqual(['41', '42']);
  });

  it('commits lastEventId at the blank line, dispatch or not', () => {
    const { parser } = recorder();
    feedText(parser, 'id: 5\n');
    expect(parser.lastEventId).toBe('');
    feedText(parser, '\n');
    expect(parser.lastEventId).toBe('5');
  });

  it('reset() drops the partial event but keeps lastEventId for the next connection', () => {
    const { parser, events } = recorder();
    feedText(parser, 'id: 1\ndata: a\n\nid: 2\ndata: b\n');
    parser.reset();
    expect(parser.lastEventId).toBe('1');
    feedText(parser, 'data: c\n\n');
    expect(events).toEqual([
      { type: 'message', data: 'a', lastEventId: '1' },
      { type: 'message', data: 'c', lastEventId: '1' },
    ]);
  });

  it('reset() drops a character the decoder was holding', () => {
    const { parser, events } = recorder();
    parser.feed(Uint8Array.of(0x64, 0x3a, 0xe2, 0x82));
    parser.reset();
    feedText(parser, 'data: x\n\n');
    expect(events.map((e) => e.data)).toEqual(['x']);
  });

  it('strips a BOM again at the start of each stream', () => {
    const { parser, events } = recorder();
    feedText(parser, '\uFEFFdata: a\n\n');
    parser.end();
    feedText(parser, '\uFEFFdata: b\n\n');
    parser.reset();
    feedText(parser, '\uFEFFdata: c\n\n');
    expect(events.map((e) => e.data)).toEqual(['a', 'b', 'c']);
  });

  it('end() discards an unterminated event and a held partial character', () => {
    const { parser, events } = recorder();
    parser.feed(toBytes('data: a\n\ndata: b\n'));
    parser.feed(Uint8Array.of(0xf0, 0x9f));
    parser.end();
    expect(events.map((e) => e.data)).toEqual(['a']);
    feedText(parser, 'data: c\n\n');
    expect(events.map((e) => e.data)).toEqual(['a', 'c']);
  });

  it('ignores empty chunks and reads views at an offset into a larger buffer', () => {
    const buffer = toBytes('garbage|data: a\r|\ndata: b\n\n|tail');
    const out: ParseOutput = parseChunks([
      new Uint8Array(0),
      buffer.subarray(8, 16),
      new Uint8Array(0),
      buffer.subarray(17, 27),
    ]);
    expect(out.events).toEqual([{ type: 'message', data: 'a\nb', lastEventId: '' }]);
  });

  it('works without the optional retry and comment handlers', () => {
    const events: SseParsedEvent[] = [];
    const parser = new SseParser({ event: (e) => events.push(e) });
    feedText(parser, 'retry: 10\n: hi\ndata: a\n\n');
    expect(events.length).toBe(1);
  });
});
