import { SseError } from 'ngx-sse';

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
});
