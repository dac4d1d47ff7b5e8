import { SseError } from 'ngx-sse';

import { failureError } from './sse-error';

describe('SseError', () => {
  it('carries reason, status, url and attempt, with a package-prefixed message', () => {
    const error = new SseError('http', { url: '/api/events', attempt: 2, status: 503 });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('SseError');
    expect(error.reason).toBe('http');
    expect(error.status).toBe(503);
    expect(error.url).toBe('/api/events');
    expect(error.attempt).toBe(2);
    expect(error.message).toBe('ngx-sse: http 503 (/api/events, attempt 2)');
  });

  it('keeps the underlying cause and puts the detail in the message', () => {
    const cause = new SyntaxError('Unexpected token');
    const error = new SseError('parse', { url: '/x', detail: 'bad JSON', cause });
    expect(error.cause).toBe(cause);
    expect(error.attempt).toBe(0);
    expect(error.message).toBe('ngx-sse: parse: bad JSON (/x)');
  });

  it('turns a failed attempt into an error with its reason, status and detail; a normal end is none', () => {
    expect(failureError({ reason: 'ended' }, '/e', 3)).toBeNull();
    const unavailable = failureError({ reason: 'http', status: 503 }, '/e', 3)!;
    expect([unavailable.reason, unavailable.status, unavailable.attempt]).toEqual(['http', 503, 3]);
    const html = failureError(
      { reason: 'bad-content-type', status: 200, detail: 'text/html' },
      '/e',
      1,
    )!;
    expect(html.reason).toBe('bad-content-type');
    expect(html.message).toContain('bad-content-type 200: text/html');
    expect(failureError({ reason: 'refused' }, '/e', 1)?.reason).toBe('refused');
    expect(failureError({ reason: 'idle-timeout' }, '/e', 1)?.reason).toBe('idle-timeout');
  });
});
