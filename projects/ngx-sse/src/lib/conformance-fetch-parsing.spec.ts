import { TestBed } from '@angular/core/testing';
import { sseResource } from 'ngx-sse';

import { utf8 } from './parser/conformance-vector.spec-helper';
import { settle } from './resource.spec-helper';
import { until } from './sse-stub.spec-helper';
import { playWire, seenMessage, serveWire } from './wire-client.spec-helper';

// WHATWG HTML "Interpreting an event stream", probed end to end on the fetch transport, which
// re-implements what a browser's EventSource does: bytes arrive in reads placed where a network
// might cut them, and what counts is what `stream()` and `sseResource` deliver. The parser's own
// vectors (parser/conformance-vectors*.spec-helper.ts) cover each rule at every single cut.
describe('WHATWG event stream conformance, fetch transport end to end: parsing', () => {
  it('a CR ending one read and the LF starting the next are one line break, not a blank line', async () => {
    const { stream, seen } = playWire([
      // An empty read between a CR and its LF, as a reader may hand out, changes nothing.
      { reads: ['data: a\r', Uint8Array.of(), '\ndata: b\r', '\n\r', '\n', 'data: c\r', '\r'] },
    ]);
    await until(() => seen.length === 2, 'two events');
    expect(seen).toEqual([seenMessage('a\nb'), seenMessage('c')]);
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
    const { stream, seen } = playWire([{ reads }]);
    await until(() => seen.length === 1, 'the event');
    expect(seen).toEqual([seenMessage('\0a\n x\ny\nz\n\nend')]);
    stream.close();
  });

  it('strips one BOM even when it is split across reads, and again at the start of the next response', async () => {
    const bom = [0xef, 0xbb, 0xbf];
    const { stream, seen, nextAttempt } = playWire([
      { reads: [Uint8Array.of(bom[0]), utf8([bom[1], bom[2]], 'data: 1\n\n')] },
      { reads: [utf8(bom, 'data: 2\n\n', bom, 'data: 3\n\n')] },
    ]);
    await until(() => seen.length === 1, 'the first event');
    await nextAttempt();
    await until(() => seen.length === 2, 'the second response');
    // The third event's name is U+FEFF + "data", an unknown field: only a stream's first BOM goes.
    expect(seen).toEqual([seenMessage('1'), seenMessage('2')]);
    stream.close();
  });

  it('decodes characters split across reads in data, event type and id', async () => {
    const bytes = utf8('event: é\nid: 😀\ndata: €\n\n');
    const reads = Array.from(bytes, (byte) => Uint8Array.of(byte));
    const { stream, seen, sent, nextAttempt } = playWire([{ reads }]);
    await until(() => seen.length === 1, 'the event');
    expect(seen).toEqual([seenMessage('€', '😀', 'é')]);
    await nextAttempt();
    // Header values are byte strings: the id goes as its UTF-8 bytes, as browsers send it.
    const header = sent[1].get('Last-Event-ID')!;
    expect(new TextDecoder().decode(Uint8Array.from(header, (c) => c.charCodeAt(0)))).toBe('😀');
    stream.close();
  });

  it('decodes as UTF-8 whatever charset the Content-Type names; invalid bytes become U+FFFD', async () => {
    const { stream, seen } = playWire([
      {
        contentType: 'text/event-stream; charset=iso-8859-1',
        reads: [utf8('data: caf', [0xe9], '!\n\ndata: ', [0xc3]), utf8([0xa9], '\n\n')],
      },
    ]);
    await until(() => seen.length === 2, 'two events');
    expect(seen).toEqual([seenMessage('caf\uFFFD!'), seenMessage('é')]);
    stream.close();
  });

  it('sseResource: blocks without data change nothing; an empty data line is an empty message', async () => {
    serveWire([
      { reads: ['data: 1\n\nevent: message\n\nid: 5\n\nretry: 9\n\n: c\n\nda', 'ta\n\n'] },
    ]);
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
