import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { formatComment, formatEvent } from '../src/sse.ts';

describe('SSE framing', () => {
  it('writes event, id, retry and data fields and ends with a blank line', () => {
    assert.equal(
      formatEvent({ event: 'metric', id: 7, retry: 1500, data: '{"v":1}' }),
      'event: metric\nid: 7\nretry: 1500\ndata: {"v":1}\n\n',
    );
  });

  it('splits multi-line data on CR, LF and CRLF into one data field per line', () => {
    assert.equal(formatEvent({ data: 'a\nb\r\nc\rd' }), 'data: a\ndata: b\ndata: c\ndata: d\n\n');
  });

  it('keeps an empty data line, which the spec dispatches as an empty message', () => {
    assert.equal(formatEvent({ data: '' }), 'data: \n\n');
  });

  it('writes a retry-only frame without data, so clients dispatch no event for it', () => {
    assert.equal(formatEvent({ retry: 2000 }), 'retry: 2000\n\n');
    assert.equal(formatEvent({ retry: -5.7 }), 'retry: 0\n\n');
  });

  it('rejects an id or event name that would break the framing', () => {
    assert.throws(() => formatEvent({ id: 'a\nb', data: '' }), /id must be one line/);
    assert.throws(() => formatEvent({ id: 'a\rb', data: '' }), /id must be one line/);
    assert.throws(() => formatEvent({ event: 'x\0', data: '' }), /event must be one line/);
  });

  it('writes comments as colon-prefixed lines', () => {
    assert.equal(formatComment('heartbeat'), ': heartbeat\n\n');
    assert.equal(formatComment(), ': \n\n');
    assert.equal(formatComment('a\nb'), ': a\n: b\n\n');
  });
});
