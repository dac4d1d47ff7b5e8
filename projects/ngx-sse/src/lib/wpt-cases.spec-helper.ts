import { type Seen, seenMessage } from './wire-client.spec-helper';

// "Interpreting an event stream": the WPT cases that are one response from
// `resources/message.py` (or a sibling script), with the events each must give. Both the parser
// spec and the fetch transport spec play them (`conformance-wpt-*.spec.ts`).

export interface FormatCase {
  wpt: string;
  url: string;
  events: Seen[];
  retries?: number[];
  lastEventId?: string;
}

const longstring = 'x'.repeat(2 * 1024);

export const FORMAT_CASES: FormatCase[] = [
  {
    wpt: 'format-bom.any.js (only the first BOM of a stream is stripped)',
    url: 'resources/message.py?message=%EF%BB%BFdata%3A1%0A%0A%EF%BB%BFdata%3A2%0A%0Adata%3A3',
    events: [seenMessage('1'), seenMessage('3')],
  },
  {
    wpt: 'format-bom-2.any.js (a second BOM makes an unknown field name)',
    url: 'resources/message.py?message=%EF%BB%BF%EF%BB%BFdata%3A1%0A%0Adata%3A2%0A%0Adata%3A3',
    events: [seenMessage('2'), seenMessage('3')],
  },
  {
    wpt: 'format-comments.any.js (comment fest)',
    url:
      'resources/message.py?message=' +
      encodeURI(
        'data:1\r:\0\n:\r\ndata:2\n:' +
          longstring +
          '\rdata:3\n:data:fail\r:' +
          longstring +
          '\ndata:4\n',
      ) +
      '&newline=none',
    events: [seenMessage('1\n2\n3\n4')],
  },
  {
    wpt: 'format-data-before-final-empty-line.any.js (an unterminated event is discarded)',
    url:
      'resources/message.py?newline=none&message=' +
      encodeURIComponent('retry:1000\ndata:test1\n\nid:test\ndata:test2'),
    events: [seenMessage('test1')],
    retries: [1000],
    // The id of the unterminated block never became the last event ID.
    lastEventId: '',
  },
  {
    wpt: 'format-field-data.any.js (data field parsing)',
    url: 'resources/message.py?message=data%3A%0A%0Adata%0Adata%0A%0Adata%3Atest',
    events: [seenMessage(''), seenMessage('\n'), seenMessage('test')],
  },
  {
    wpt: 'format-field-event-empty.any.js (an empty event field means message)',
    url: 'resources/message.py?message=event%3A%20%0Adata%3Adata',
    events: [seenMessage('data')],
  },
  {
    wpt: 'format-field-event.any.js (custom event name, reset after dispatch)',
    url: 'resources/message.py?message=event%3Atest%0Adata%3Ax%0A%0Adata%3Ax',
    events: [seenMessage('x', '', 'test'), seenMessage('x')],
  },
  {
    wpt: 'format-field-parsing.any.js (field parsing)',
    url:
      'resources/message.py?message=' +
      encodeURI(
        'data:\0\ndata:  2\rData:1\ndata\0:2\ndata:1\r\0data:4\nda-ta:3\rdata_5\ndata:3\rdata:\r\n data:32\ndata:4\n',
      ) +
      '&newline=none',
    events: [seenMessage('\0\n 2\n1\n3\n\n4')],
  },
  {
    wpt: 'format-field-retry.any.js (digits only, leading zero is decimal)',
    url: 'resources/message.py?message=retry%3A02000%0Adata%3Ax',
    events: [seenMessage('x')],
    retries: [2000],
  },
  {
    wpt: 'format-field-retry-bogus.any.js (a retry value with a non-digit is ignored)',
    url: 'resources/message.py?message=retry%3A2000%0Aretry%3A1000x%0Adata%3Ax',
    events: [seenMessage('x')],
    retries: [2000],
  },
  {
    wpt: 'format-field-unknown.any.js (unknown fields and parsing fun)',
    url: 'resources/message.py?message=data%3Atest%0A%20data%0Adata%0Afoobar%3Axxx%0Ajustsometext%0A%3Athisisacommentyay%0Adata%3Atest',
    events: [seenMessage('test\n\ntest')],
  },
  {
    wpt: 'format-leading-space.any.js (one leading space removed, a tab kept, CR as a line end)',
    url: 'resources/message.py?message=data%3A%09test%0Ddata%3A%20%0Adata%3Atest',
    events: [seenMessage('\ttest\n\ntest')],
  },
  {
    wpt: 'format-newlines.any.js (newline fest)',
    url: 'resources/message.py?message=data%3Atest%0D%0Adata%0Adata%3Atest%0D%0A%0D&newline=none',
    events: [seenMessage('test\n\ntest')],
  },
  {
    wpt: 'format-null-character.html (U+0000 in data)',
    url: 'resources/message.py?message=data%3A%00%0A%0A',
    events: [seenMessage('\0')],
  },
  {
    wpt: 'format-utf-8.any.js (always UTF-8, whatever the charset parameter)',
    url: 'resources/message.py?mime=text/event-stream%3bcharset=windows-1252&message=data%3Aok%E2%80%A6',
    events: [seenMessage('ok\u2026')],
  },
  {
    wpt: 'event-data.any.js (lines and data parsing, resources/message2.py)',
    url: 'resources/message2.py',
    events: [seenMessage('msg\nmsg'), seenMessage(''), seenMessage('end')],
  },
  {
    wpt: 'eventsource-onmessage.js (the default message)',
    url: 'resources/message.py',
    events: [seenMessage('data')],
  },
  {
    wpt: 'format-field-id-3.htm, persists (resources/last-event-id2.py?type=1)',
    url: 'resources/last-event-id2.py?type=1',
    events: [seenMessage('1', '1'), seenMessage('2', '1')],
    lastEventId: '1',
  },
  {
    wpt: 'format-field-id-3.htm, changes and persists (type=2)',
    url: 'resources/last-event-id2.py?type=2',
    events: [seenMessage('1', '1'), seenMessage('2', '2'), seenMessage('3', '2')],
    lastEventId: '2',
  },
  {
    wpt: 'format-field-id-3.htm, resets (type=3)',
    url: 'resources/last-event-id2.py?type=3',
    events: [seenMessage('1', '1'), seenMessage('2', ''), seenMessage('3', '')],
    lastEventId: '',
  },
  {
    wpt: 'format-field-id-null.htm (an id with U+0000 is ignored)',
    url: 'resources/last-event-id.py?idvalue=%00%00',
    events: [seenMessage('hello')],
    retries: [200],
  },
  {
    wpt: 'format-field-id.htm (a non-ASCII id, resources/last-event-id.py)',
    url: 'resources/last-event-id.py',
    events: [seenMessage('hello', '\u2026')],
    retries: [200],
    lastEventId: '\u2026',
  },
];

// eventsource-from-readable-stream.any.js: the parsing cases of EventSource.fromReadableStream(),
// whose bytes come from a stream the page makes rather than from a response.
export const FROM_READABLE_STREAM: {
  name: string;
  reads: string[];
  events: Seen[];
  retries?: number[];
}[] = [
  {
    name: 'handles multi-line data fields',
    reads: ['data: hello\ndata: world\n\n'],
    events: [seenMessage('hello\nworld')],
  },
  {
    name: 'receives multiple message events',
    reads: ['data: first\n\ndata: second\n\n'],
    events: [seenMessage('first'), seenMessage('second')],
  },
  {
    name: 'handles custom event types',
    reads: ['event: custom\ndata: hello\n\n'],
    events: [seenMessage('hello', '', 'custom')],
  },
  {
    name: 'ignores comments',
    reads: [': this is a comment\ndata: hello\n\n'],
    events: [seenMessage('hello')],
  },
  {
    name: 'handles data split across chunks',
    reads: ['da', 'ta: hel', 'lo\n\n'],
    events: [seenMessage('hello')],
  },
  {
    name: 'id field updates lastEventId',
    reads: ['id: 42\ndata: hello\n\n'],
    events: [seenMessage('hello', '42')],
  },
  {
    name: 'retry field updates reconnectionTime',
    reads: ['retry: 5000\ndata: hello\n\n'],
    events: [seenMessage('hello')],
    retries: [5000],
  },
  {
    name: 'retry field with non-digit value is ignored',
    reads: ['retry: bogus\ndata: hello\n\n'],
    events: [seenMessage('hello')],
  },
  {
    name: 'handles CR, LF, and CRLF line endings',
    reads: ['data: cr\r\rdata: lf\n\ndata: crlf\r\n\r\n'],
    events: [seenMessage('cr'), seenMessage('lf'), seenMessage('crlf')],
  },
  {
    name: 'strips leading UTF-8 BOM',
    reads: ['\uFEFFdata: hello\n\n'],
    events: [seenMessage('hello')],
  },
];
