import { DEFAULT_RECONNECT, type SseFailure, type SseReason, reconnectPolicy } from 'ngx-sse';

const options = { ...DEFAULT_RECONNECT, initialDelayMs: 1000, maxDelayMs: 8000, multiplier: 2 };
const full = () => 1;
const decide = (failure: SseFailure, attempt = 1, serverRetryMs = 0, random = full) =>
  reconnectPolicy(failure, attempt, serverRetryMs, options, random);

describe('reconnectPolicy', () => {
  it('backs off exponentially up to the cap', () => {
    const delays = [1, 2, 3, 4, 5, 6].map((attempt) => decide({ reason: 'network' }, attempt));
    expect(delays.map((d) => (d.action === 'retry' ? d.delayMs : -1))).toEqual([
      1000, 2000, 4000, 8000, 8000, 8000,
    ]);
  });

  it('applies full jitter: the delay is random() times the ceiling', () => {
    expect(decide({ reason: 'network' }, 3, 0, () => 0.25)).toEqual({
      action: 'retry',
      delayMs: 1000,
      reason: 'network',
    });
    expect(decide({ reason: 'network' }, 3, 0, () => 0)).toEqual({
      action: 'retry',
      delayMs: 0,
      reason: 'network',
    });
  });

  it("uses the server's retry: as the floor", () => {
    expect(decide({ reason: 'ended' }, 1, 5000, () => 0)).toEqual({
      action: 'retry',
      delayMs: 5000,
      reason: 'ended',
    });
  });

  it('honours Retry-After as the floor for 429, 502, 503 and 504', () => {
    for (const status of [429, 502, 503, 504]) {
      expect(decide({ reason: 'http', status, retryAfterMs: 7000 }, 1, 0, () => 0)).toEqual({
        action: 'retry',
        delayMs: 7000,
        reason: 'http',
      });
    }
  });

  it('retries other 5xx, idle timeouts and refused EventSource connections with backoff', () => {
    for (const failure of [
      { reason: 'http', status: 500 },
      { reason: 'network' },
      { reason: 'ended' },
      { reason: 'idle-timeout' },
      { reason: 'refused' },
    ] as const) {
      expect(decide(failure).action).withContext(failure.reason).toBe('retry');
    }
  });

  it('stops on no-content, unauthorized, other 4xx, a wrong content type, oversized events and invalid requests', () => {
    const stops: [SseFailure, SseReason][] = [
      [{ reason: 'no-content', status: 204 }, 'no-content'],
      [{ reason: 'unauthorized', status: 401 }, 'unauthorized'],
      [{ reason: 'unauthorized', status: 403 }, 'unauthorized'],
      [{ reason: 'http', status: 404 }, 'http'],
      [{ reason: 'http', status: 400 }, 'http'],
      [{ reason: 'bad-content-type', status: 200, detail: 'text/html' }, 'bad-content-type'],
      [{ reason: 'too-large' }, 'too-large'],
      [{ reason: 'invalid-request' }, 'invalid-request'],
    ];
    for (const [failure, reason] of stops) {
      expect(decide(failure)).toEqual({ action: 'stop', reason });
    }
  });

  it('stops after maxAttempts', () => {
    const limited = { ...options, maxAttempts: 3 };
    expect(reconnectPolicy({ reason: 'network' }, 3, 0, limited, full).action).toBe('retry');
    expect(reconnectPolicy({ reason: 'network' }, 4, 0, limited, full)).toEqual({
      action: 'stop',
      reason: 'max-attempts',
    });
  });

  it('never gives up by default', () => {
    expect(DEFAULT_RECONNECT.maxAttempts).toBe(Infinity);
    expect(decide({ reason: 'network' }, 10_000).action).toBe('retry');
  });
});
