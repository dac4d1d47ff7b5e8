import { sseEvent } from 'ngx-sse/testing';

describe('sseEvent', () => {
  it('serializes objects as JSON and keeps strings as they are', () => {
    expect(sseEvent('metric', { value: 1 }).data).toBe('{"value":1}');
    expect(sseEvent('message', 'plain').data).toBe('plain');
  });

  it('sets type and lastEventId like a browser EventSource would', () => {
    const event = sseEvent('notification', {}, '42');
    expect(event.type).toBe('notification');
    expect(event.lastEventId).toBe('42');
  });
});
