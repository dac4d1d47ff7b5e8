import { EnvironmentInjector } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import {
  SSE_FETCH,
  SSE_SCHEDULER,
  SseClient,
  sseResource,
  type SseMessage,
  provideSse,
  withBatching,
  withFetchTransport,
  withReconnect,
} from 'ngx-sse';
import { FakeSseScheduler } from 'ngx-sse/testing';

import { utf8 } from './parser/conformance-vector.spec-helper';
import { settle } from './resource.spec-helper';
import { type WireReply, scriptedWire } from './scripted-wire.spec-helper';
import { until } from './sse-stub.spec-helper';

interface Seen {
  type: string;
  data: string;
  lastEventId: string;
}

// WHATWG HTML "Server-sent events", probed end to end on the fetch transport, which re-implements
// what a browser's EventSource does: bytes arrive in the reads the spec places, and what counts is
// what `stream()` delivers and what the next attempt sends. The parser's own vectors
// (parser/conformance-vectors*.spec-helper.ts) cover each rule at every single split already.
describe('WHATWG event stream conformance, fetch transport end to end', () => {
  let scheduler: FakeSseScheduler;

  /** A fetch transport whose attempts get `replies`; returns the headers each attempt sent. */
  function serve(replies: WireReply[]): Headers[] {
    const wire = scriptedWire(replies);
    scheduler = new FakeSseScheduler();
    scheduler.randomValue = 0;
    TestBed.configureTestingModule({
      providers: [
        provideSse(
          withFetchTransport(),
          withBatching('sync'),
          withReconnect({ initialDelayMs: 1 }),
        ),
        { provide: SSE_FETCH, useValue: wire.fetch },
        { provide: SSE_SCHEDULER, useValue: scheduler },
      ],
    });
    return wire.sent;
  }

  /** Plays `replies` to one fetch stream; returns what it delivered and what each attempt sent. */
  function play(replies: WireReply[], lastEventId?: string) {
    const sent = serve(replies);
    const stream = TestBed.inject(SseClient).stream('/wire', {
      deserialize: 'text',
      lastEventId,
      injector: TestBed.inject(EnvironmentInjector),
    });
    const seen: Seen[] = [];
    stream
      .events()
      .subscribe(({ type, data, lastEventId: id }: SseMessage<unknown>) =>
        seen.push({ type, data: data as string, lastEventId: id }),
      );
    return { stream, seen, sent };
  }

  /** Waits for the attempt `n` (1-based) to end, then starts the next one. */
  async function nextAttempt(stream: ReturnType<typeof play>['stream'], n: number) {
    await until(() => stream.state().status === 'reconnecting', `attempt ${n} to end`);
    scheduler.tick(10_000);
  }

  const message = (data: string, lastEventId = '', type = 'message'): Seen => ({
    type,
    data,
    lastEventId,
  });

  it('a CR ending one read and the LF starting the next are one line break, not a blank line', async () => {
    const { stream, seen } = play([
      // An empty read between a CR and its LF, as a reader may hand out, changes nothing.
      { reads: ['data: a\r', Uint8Array.of(), '\ndata: b\r', '\n\r', '\n', 'data: c\r', '\r'] },
    ]);
    await until(() => seen.length === 2, 'two events');
    expect(seen).toEqual([message('a\nb'), message('c')]);
    stream.close();
  });

  it('parses fields as a whole line: odd names, NUL, double spaces and bare CRs in one event', async () => {
    const text =
      'data:\0a\ndata:  x\rDATA:no\ndata\0:no\ndata:y\r\0data:no\nd-ata:no\rdata_x:no\n' +
      'data:z\rdata:\r\n data:no\ndata:end\n\n';
    const bytes = utf8(text);
    const reads = Array.from({ length: Math.ceil(bytes.length / 3) }, (_, i) =>
      bytes.subarray(i * 3, i * 3 + 3),
    );
    const { stream, seen } = play([{ reads }]);
    await until(() => seen.length === 1, 'the event');
    expect(seen).toEqual([message('\0a\n x\ny\nz\n\nend')]);
    stream.close();
  });

  it('strips one BOM even when it is split across reads, and again at the start of the next response', async () => {
    const bom = [0xef, 0xbb, 0xbf];
    const { stream, seen } = play([
      { reads: [Uint8Array.of(bom[0]), utf8([bom[1], bom[2]], 'data: 1\n\n')] },
      { reads: [utf8(bom, 'data: 2\n\n', bom, 'data: 3\n\n')] },
    ]);
    await until(() => seen.length === 1, 'the first event');
    await nextAttempt(stream, 1);
    await until(() => seen.length === 2, 'the second response');
    // The third event's name is U+FEFF + "data", an unknown field: only a stream's first BOM goes.
    expect(seen).toEqual([message('1'), message('2')]);
    stream.close();
  });

  it('decodes characters split across reads in data, event type and id', async () => {
    const bytes = utf8('event: é\nid: 😀\ndata: €\n\n');
    const reads = Array.from(bytes, (byte) => Uint8Array.of(byte));
    const { stream, seen, sent } = play([{ reads }]);
    await until(() => seen.length === 1, 'the event');
    expect(seen).toEqual([message('€', '😀', 'é')]);
    await nextAttempt(stream, 1);
    await until(() => sent.length === 2, 'the reconnect');
    // Header values are byte strings: the id goes as its UTF-8 bytes, as browsers send it.
    const header = sent[1].get('Last-Event-ID')!;
    expect(new TextDecoder().decode(Uint8Array.from(header, (c) => c.charCodeAt(0)))).toBe('😀');
    stream.close();
  });

  it('decodes as UTF-8 whatever charset the Content-Type names; invalid bytes become U+FFFD', async () => {
    const { stream, seen } = play([
      {
        contentType: 'text/event-stream; charset=iso-8859-1',
        reads: [utf8('data: caf', [0xe9], '!\n\ndata: ', [0xc3]), utf8([0xa9], '\n\n')],
      },
    ]);
    await until(() => seen.length === 2, 'two events');
    expect(seen).toEqual([message('caf\uFFFD!'), message('é')]);
    stream.close();
  });

  it('resumes from the id in force: ids persist, NUL ids and unterminated blocks do not count', async () => {
    const { stream, seen, sent } = play([
      { reads: ['id: 1\ndata: a\n\ndata: b\n\nid: 2\0x\ndata: c\n\nid: 3\ndata: d'] },
    ]);
    await until(() => seen.length === 3, 'three events');
    expect(seen).toEqual([message('a', '1'), message('b', '1'), message('c', '1')]);
    await nextAttempt(stream, 1);
    await until(() => sent.length === 2, 'the reconnect');
    expect(sent[1].get('Last-Event-ID')).toBe('1');
    stream.close();
  });

  it("an event without an id on the next response carries the previous response's last id", async () => {
    const { stream, seen } = play([{ reads: ['id: 7\ndata: a\n\n'] }, { reads: ['data: b\n\n'] }]);
    await until(() => seen.length === 1, 'the first event');
    await nextAttempt(stream, 1);
    await until(() => seen.length === 2, 'the second response');
    expect(seen).toEqual([message('a', '7'), message('b', '7')]);
    stream.close();
  });

  it('sends no Last-Event-ID once an event reset the id to empty', async () => {
    const { stream, seen, sent } = play([{ reads: ['id: 1\ndata: a\n\nid:\ndata: b\n\n'] }], 'x');
    await until(() => seen.length === 2, 'two events');
    expect(seen).toEqual([message('a', '1'), message('b', '')]);
    expect(sent[0].get('Last-Event-ID')).toBe('x');
    await nextAttempt(stream, 1);
    await until(() => sent.length === 2, 'the reconnect');
    expect(sent[1].has('Last-Event-ID')).toBeFalse();
    expect(stream.diagnostics().lastEventId).toBe('');
    stream.close();
  });

  // A server's `id:`-only frame moves the last event ID string without an event; the spec's
  // reconnect sends whatever that string is at the end, even when the frame shares a read with
  // the event whose id it replaces.
  for (const { name, reads, expected } of [
    {
      name: 'an id-only frame that resets it',
      reads: ['id: 1\ndata: a\n\nid\n\n'],
      expected: null,
    },
    {
      name: 'an id-only frame back to the id in force before the read',
      reads: ['id: 1\n\n', 'id: 2\ndata: b\n\nid: 1\n\n'],
      expected: '1',
    },
  ]) {
    it(`resumes from ${name}, in the same read as an event with another id`, async () => {
      const { stream, sent } = play([{ reads }]);
      await until(() => stream.diagnostics().eventsReceived === 1, 'the event');
      await nextAttempt(stream, 1);
      await until(() => sent.length === 2, 'the reconnect');
      expect(sent[1].get('Last-Event-ID')).toBe(expected);
      expect(stream.diagnostics().lastEventId).toBe(expected ?? '');
      stream.close();
    });
  }

  it('retry: sets the reconnection delay, kept across responses; a value with anything but digits is ignored', async () => {
    const { stream, sent } = play([
      { reads: ['retry: 2500\n\n'] },
      { reads: ['retry: 2.5e3\nretry: 100x\nretry: -1\n\n'] },
      { reads: ['retry: 300\n'] },
    ]);
    const delays: (number | null)[] = [];
    for (let n = 1; n <= 3; n++) {
      await until(() => stream.state().status === 'reconnecting', `attempt ${n} to end`);
      const state = stream.state();
      delays.push(state.status === 'reconnecting' ? state.delayMs : null);
      scheduler.tick(10_000);
      await until(() => sent.length === n + 1, `attempt ${n + 1}`);
    }
    // The backoff's jitter is 0 here, so each delay is the server's reconnection time.
    expect(delays).toEqual([2500, 2500, 300]);
    stream.close();
  });

  it('sseResource: blocks without data change nothing; an empty data line is an empty message', async () => {
    serve([{ reads: ['data: 1\n\nevent: message\n\nid: 5\n\nretry: 9\n\n: c\n\nda', 'ta\n\n'] }]);
    const resource = TestBed.runInInjectionContext(() =>
      sseResource<Record<string, string>, 'message', string[]>(
        () => ({ url: '/wire', deserialize: 'text' }),
        {
          event: 'message',
          reduce: (list, { data, lastEventId }) => [...list, `${data}#${lastEventId}`],
          initialValue: [],
        },
      ),
    );
    await settle();
    await until(() => resource.value().length === 2, 'two messages');
    expect(resource.value()).toEqual(['1#', '#5']);
    resource.destroy();
  });
});
