import { type ConformanceVector, ev, utf8 } from './conformance-vector.spec-helper';

/**
 * Vectors for the byte and line layer: UTF-8 decoding, the BOM, and the three line endings.
 *
 * @example
 * for (const v of ENCODING_VECTORS) check(v);
 */
export const ENCODING_VECTORS: ConformanceVector[] = [
  { name: 'BOM: one leading BOM is stripped', input: '\uFEFFdata: a\n\n', events: [ev('a')] },
  {
    name: 'BOM: a second leading BOM is kept, making an unknown field name',
    input: '\uFEFF\uFEFFdata: a\n\ndata: b\n\n',
    events: [ev('b')],
  },
  {
    name: 'BOM: a BOM at the start of a later line is a field name character',
    input: 'data: a\n\n\uFEFFdata: b\n\n',
    events: [ev('a')],
  },
  {
    name: 'BOM: after the stripped BOM, a BOM in a value is a data character',
    input: '\uFEFFdata: \uFEFFa\uFEFF\n\n',
    events: [ev('\uFEFFa\uFEFF')],
  },
  { name: 'BOM: a stream of only a BOM yields nothing', input: '\uFEFF', events: [] },
  { name: 'line end: LF', input: 'data: a\ndata: b\n\n', events: [ev('a\nb')] },
  { name: 'line end: CRLF', input: 'data: a\r\ndata: b\r\n\r\n', events: [ev('a\nb')] },
  { name: 'line end: CR', input: 'data: a\rdata: b\r\r', events: [ev('a\nb')] },
  {
    name: 'line end: mixed CRLF, CR and LF in one event',
    input: 'data: a\r\ndata: b\rdata: c\n\r\n',
    events: [ev('a\nb\nc')],
  },
  {
    name: 'line end: LF then CR is two line breaks',
    input: 'data: a\n\rdata: b\n\n',
    events: [ev('a'), ev('b')],
  },
  {
    name: 'line end: CR CR LF is a line break then a blank line',
    input: 'data: a\r\r\ndata: b\r\n\r\n',
    events: [ev('a'), ev('b')],
  },
  {
    name: 'line end: CRLF is one break, wherever a chunk boundary falls',
    input: 'data: a\r\ndata: b\r\n\r\nid: 1\r\n\r\n',
    events: [ev('a\nb')],
    lastEventId: '1',
  },
  {
    name: 'line end: CR at the very end of the stream ends the line',
    input: 'data: a\n\r',
    events: [ev('a')],
  },
  { name: 'UTF-8: 2-byte characters', input: 'data: é ñ ß ø\n\n', events: [ev('é ñ ß ø')] },
  { name: 'UTF-8: 3-byte characters', input: 'data: €日本語\n\n', events: [ev('€日本語')] },
  {
    name: 'UTF-8: 4-byte characters in data, event type and id',
    input: 'event: 😀\nid: 𝄞\ndata: 🎉x🎉\n\n',
    events: [ev('🎉x🎉', '😀', '𝄞')],
    lastEventId: '𝄞',
  },
  {
    name: 'UTF-8: an invalid byte becomes U+FFFD',
    input: utf8('data: a', [0xff], 'b\n\n'),
    events: [ev('a\uFFFDb')],
  },
  {
    name: 'UTF-8: a truncated 3-byte sequence before LF is one U+FFFD',
    input: utf8('data: ', [0xe2, 0x82], '\n\n'),
    events: [ev('\uFFFD')],
  },
  {
    name: 'UTF-8: a truncated 4-byte sequence before ASCII is one U+FFFD',
    input: utf8('data: ', [0xf0, 0x9f, 0x98], 'a\n\n'),
    events: [ev('\uFFFDa')],
  },
  {
    name: 'UTF-8: overlong and surrogate encodings give one U+FFFD per bad byte',
    input: utf8('data: ', [0xc0, 0x80], '|', [0xed, 0xa0, 0x80], '\n\n'),
    events: [ev('\uFFFD\uFFFD|\uFFFD\uFFFD\uFFFD')],
  },
  {
    name: 'UTF-8: a lone continuation byte then a valid character',
    input: utf8('data: ', [0x80], 'é\n\n'),
    events: [ev('\uFFFDé')],
  },
  {
    name: 'UTF-8: an invalid byte in a field name makes it unknown',
    input: utf8([0xff], 'data: a\n\ndata: b\n\n'),
    events: [ev('b')],
  },
  {
    name: 'UTF-8: a truncated character at the end of the stream is discarded with its line',
    input: utf8('data: a\n\ndata: ', [0xe2, 0x82]),
    events: [ev('a')],
  },
];
