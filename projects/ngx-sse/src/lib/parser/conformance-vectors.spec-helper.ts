import { type ConformanceVector, ev } from './conformance-vector.spec-helper';
import { ENCODING_VECTORS } from './conformance-vectors-encoding.spec-helper';

export { type ConformanceVector, ev, utf8 } from './conformance-vector.spec-helper';

/**
 * Vectors for fields, comments and dispatch, from WHATWG HTML "Interpreting an event stream".
 *
 * @example
 * for (const v of FIELD_VECTORS) check(v);
 */
export const FIELD_VECTORS: ConformanceVector[] = [
  { name: 'empty stream', input: '', events: [] },
  { name: 'dispatch: default type is message', input: 'data: a\n\n', events: [ev('a')] },
  {
    name: 'dispatch: multi-line data joined with LF',
    input: 'data: a\ndata: b\ndata: c\n\n',
    events: [ev('a\nb\nc')],
  },
  {
    name: 'dispatch: only the one trailing LF is removed',
    input: 'data: a\ndata:\n\ndata:\ndata:\n\n',
    events: [ev('a\n'), ev('\n')],
  },
  { name: 'dispatch: data with no colon is empty data', input: 'data\n\n', events: [ev('')] },
  { name: 'dispatch: "data:" with no space', input: 'data:a\n\n', events: [ev('a')] },
  {
    name: 'dispatch: several blank lines dispatch once',
    input: 'data: a\n\n\n\ndata: b\n\n\n',
    events: [ev('a'), ev('b')],
  },
  {
    name: 'dispatch: no data, no event, but the id is committed',
    input: 'id: 7\nevent: x\n\n',
    events: [],
    lastEventId: '7',
  },
  {
    name: 'dispatch: event type without data is reset by the blank line',
    input: 'event: x\n\ndata: a\n\n',
    events: [ev('a')],
  },
  {
    name: 'dispatch: event type is reset after each dispatch',
    input: 'event: a\ndata: 1\n\ndata: 2\n\n',
    events: [ev('1', 'a'), ev('2')],
  },
  { name: 'event: empty value means message', input: 'event:\ndata: a\n\n', events: [ev('a')] },
  {
    name: 'event: the last event field of a block wins',
    input: 'event: a\nevent: b\ndata: x\n\n',
    events: [ev('x', 'b')],
  },
  {
    name: 'event: no colon sets an empty type',
    input: 'event: a\nevent\ndata: x\n\n',
    events: [ev('x')],
  },
  { name: 'value: exactly one space removed', input: 'data:  a\n\n', events: [ev(' a')] },
  { name: 'value: a tab is not removed', input: 'data:\ta\n\n', events: [ev('\ta')] },
  {
    name: 'value: colons after the first belong to it',
    input: 'data: a:b: c\n\n',
    events: [ev('a:b: c')],
  },
  { name: 'value: trailing spaces are kept', input: 'data: a  \n\n', events: [ev('a  ')] },
  { name: 'field: space before the colon names another field', input: 'data : a\n\n', events: [] },
  { name: 'field: a leading space names another field', input: ' data: a\n\n', events: [] },
  {
    name: 'field: names are case-sensitive',
    input: 'Data: a\nDATA: b\nEvent: x\nID: 5\ndata: c\n\n',
    events: [ev('c')],
  },
  {
    name: 'field: unknown fields are ignored',
    input: 'foo: bar\ndata: x\nbaz\n: \n\n',
    events: [ev('x')],
    comments: [''],
  },
  {
    name: 'comment: one leading space removed, rest kept',
    input: ': hello\n:world\n:  two\n:\n: a: b\n',
    events: [],
    comments: ['hello', 'world', ' two', '', 'a: b'],
  },
  {
    name: 'comment: between data lines it does not split the event',
    input: 'data: a\n: ping\ndata: b\n\n',
    events: [ev('a\nb')],
    comments: ['ping'],
  },
  {
    name: 'id: persists across events',
    input: 'id: 1\ndata: a\n\ndata: b\n\n',
    events: [ev('a', 'message', '1'), ev('b', 'message', '1')],
    lastEventId: '1',
  },
  {
    name: 'id: containing U+0000 is ignored',
    input: 'id: 1\ndata: a\n\nid: 2\u00003\ndata: b\n\n',
    events: [ev('a', 'message', '1'), ev('b', 'message', '1')],
    lastEventId: '1',
  },
  {
    name: 'id: empty value resets it',
    input: 'id: 1\ndata: a\n\nid:\ndata: b\n\n',
    events: [ev('a', 'message', '1'), ev('b')],
  },
  {
    name: 'id: no colon resets it',
    input: 'id: 1\ndata: a\n\nid\ndata: b\n\n',
    events: [ev('a', 'message', '1'), ev('b')],
  },
  {
    name: 'id: set after the data of the same block still applies',
    input: 'data: a\nid: 9\n\n',
    events: [ev('a', 'message', '9')],
    lastEventId: '9',
  },
  {
    name: 'id: spaces after the first and unicode are kept',
    input: 'id:  é 1\ndata: x\n\n',
    events: [ev('x', 'message', ' é 1')],
    lastEventId: ' é 1',
  },
  {
    name: 'id: of an unterminated block is not committed',
    input: 'id: 1\ndata: a\n\nid: 2\ndata: b\n',
    events: [ev('a', 'message', '1')],
    lastEventId: '1',
  },
  {
    name: 'retry: ASCII digits are accepted, leading zeros too',
    input: 'retry: 1000\nretry:0\nretry: 007\n',
    events: [],
    retries: [1000, 0, 7],
  },
  {
    name: 'retry: anything but ASCII digits is ignored',
    input:
      'retry: 1.5\nretry:  100\nretry: -1\nretry: abc\nretry:\nretry\nretry: 10a\n' +
      'retry: +5\nretry: 5 \nretry: ١٠\nRetry: 5\n',
    events: [],
  },
  {
    name: 'retry: does not affect the event',
    input: 'data: x\nretry: 5\n\n',
    events: [ev('x')],
    retries: [5],
  },
  {
    name: 'end of stream: an unterminated event is discarded',
    input: 'data: a\n\ndata: b\n',
    events: [ev('a')],
  },
  {
    name: 'end of stream: an unterminated line is not a line',
    input: 'data: a\n\nretry: 5\n: c\nid: 3\nevent: e\ndata: b',
    events: [ev('a')],
    retries: [5],
    comments: ['c'],
  },
  {
    name: 'a realistic stream with JSON, ids, retry and keep-alives',
    input:
      'retry: 2500\n\n: keep-alive\n\nevent: price\nid: 41\ndata: {"sym":"X","p":1.5}\n\n' +
      'data: {"a":\ndata: [1, 2]}\n\n: keep-alive\n\nevent: end\ndata: bye\nid: 42\n\n',
    events: [
      ev('{"sym":"X","p":1.5}', 'price', '41'),
      ev('{"a":\n[1, 2]}', 'message', '41'),
      ev('bye', 'end', '42'),
    ],
    retries: [2500],
    comments: ['keep-alive', 'keep-alive'],
    lastEventId: '42',
  },
];

/**
 * Every conformance vector: fields and dispatch, then the encoding and line layer.
 *
 * @example
 * CONFORMANCE_VECTORS.forEach((v) => it(v.name, () => check(v)));
 */
export const CONFORMANCE_VECTORS: ConformanceVector[] = [...FIELD_VECTORS, ...ENCODING_VECTORS];
