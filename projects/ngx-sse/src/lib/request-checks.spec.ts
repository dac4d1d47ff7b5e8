import { type SseRequestDraft, requestProblem } from './request-checks';

/** A draft with nothing wrong, served from `base`. */
const draft = (url: string, base: string): SseRequestDraft => ({
  url,
  base,
  transport: 'fetch',
  misplaced: undefined,
  method: 'GET',
  body: undefined,
  deserialize: 'json',
  hasDeserializer: true,
  hasBackend: true,
  maxEventSize: 1024,
  heartbeatTimeoutMs: 0,
  lingerMs: 0,
  lastEventId: '',
});

describe('requestProblem: URL schemes', () => {
  it('passes the page’s own scheme, so an app served from app: or capacitor: streams from it', () => {
    expect(requestProblem(draft('/api/events', 'app://bundle/index.html'))).toBeUndefined();
    expect(
      requestProblem(draft('capacitor://localhost/e', 'capacitor://localhost/')),
    ).toBeUndefined();
    // On the server the base is http://localhost/: a relative URL passes.
    expect(requestProblem(draft('/api/events', 'http://localhost/'))).toBeUndefined();
  });

  it('refuses a scheme that is neither a stream’s nor the page’s', () => {
    expect(requestProblem(draft('ftp://example.not/', 'app://bundle/'))).toBe(
      "unsupported URL scheme 'ftp:' in 'ftp://example.not/'",
    );
    expect(requestProblem(draft('app://other/e', 'https://example.test/'))).toBe(
      "unsupported URL scheme 'app:' in 'app://other/e'",
    );
  });
});
