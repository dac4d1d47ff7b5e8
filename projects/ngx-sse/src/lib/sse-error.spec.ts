import { SseError, failureError } from 'ngx-sse';

describe('SseError', () => {
  it('carries kind, status, url and attempt, with a package-prefixed message', () => {
    const error = new SseError('http', 'server answered 503', {
      url: '/api/events',
      attempt: 2,
      status: 503,
    });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('SseError');
    expect(error.kind).toBe('http');
    expect(error.status).toBe(503);
    expect(error.url).toBe('/api/events');
    expect(error.attempt).toBe(2);
    expect(error.message).toBe('ngx-sse: server answered 503 (http, /api/events, attempt 2)');
  });

  it('keeps the underlying cause', () => {
    const cause = new SyntaxError('Unexpected token');
    const error = new SseError('parse', 'bad JSON', { url: '/x', attempt: 0, cause });
    expect(error.cause).toBe(cause);
  });

  it('maps each backend failure to a kind, a status and the reason as its detail', () => {
    const at = (failure: Parameters<typeof failureError>[0]) => failureError(failure, '/e', 3);
    expect(at({ kind: 'ended' })).toBeNull();
    const unavailable = at({ kind: 'http', status: 503 })!;
    expect([unavailable.kind, unavailable.status, unavailable.message]).toEqual([
      'http',
      503,
      'ngx-sse: http-503 (http, /e, attempt 3)',
    ]);
    expect(at({ kind: 'http', status: 403 })?.kind).toBe('unauthorized');
    expect(at({ kind: 'refused' })?.kind).toBe('http');
    expect(at({ kind: 'content-type', contentType: 'text/html' })?.message).toContain(
      'bad-content-type: text/html',
    );
    expect(at({ kind: 'idle-timeout' })?.kind).toBe('idle-timeout');
  });
});
