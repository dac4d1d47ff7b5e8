import { DEFAULT_SSE_CONFIG, type SseConfig } from './config';
import { type SseFailureContext, failureStep } from './failure-step';
import { SseError } from './sse-error';

describe('failureStep', () => {
  const refresh = () => undefined;
  const context = (patch: Partial<SseFailureContext> = {}): SseFailureContext => ({
    config: DEFAULT_SSE_CONFIG,
    url: '/api/events',
    attempt: 1,
    serverRetryMs: 0,
    refreshable: true,
    reconnect: true,
    random: () => 0.5,
    ...patch,
  });
  const withRefresh: SseConfig = { ...DEFAULT_SSE_CONFIG, refresh };

  it('retries a 503 after the policy delay, with the SseError of the attempt', () => {
    const next = failureStep({ reason: 'http', status: 503 }, context({ attempt: 2 }));
    expect(next).toEqual({
      step: 'retry',
      reason: 'http',
      delayMs: 1000,
      error: jasmine.any(SseError),
    });
    expect(next.error).toEqual(jasmine.objectContaining({ status: 503, attempt: 2 }));
  });

  it('names a 403 unauthorized and stops on it without a refresh', () => {
    const next = failureStep({ reason: 'http', status: 403 }, context());
    expect(next).toEqual(jasmine.objectContaining({ step: 'stop', reason: 'unauthorized' }));
    expect(next.error?.status).toBe(403);
  });

  it('hands a 401 to the refresh once per open, then to the policy', () => {
    const first = failureStep({ reason: 'http', status: 401 }, context({ config: withRefresh }));
    expect(first).toEqual(jasmine.objectContaining({ step: 'refresh', reason: 'unauthorized' }));
    const again = failureStep(
      { reason: 'http', status: 401 },
      context({ config: withRefresh, refreshable: false }),
    );
    expect(again).toEqual(jasmine.objectContaining({ step: 'stop', reason: 'unauthorized' }));
  });

  it('wraps the last failure in a max-attempts error', () => {
    const config = {
      ...DEFAULT_SSE_CONFIG,
      reconnect: { ...DEFAULT_SSE_CONFIG.reconnect, maxAttempts: 2 },
    };
    const next = failureStep({ reason: 'network' }, context({ config, attempt: 3 }));
    expect(next.step).toBe('stop');
    expect(next.reason).toBe('max-attempts');
    expect(next.error?.cause).toEqual(jasmine.objectContaining({ reason: 'network', attempt: 3 }));
  });

  it('without reconnect, ends the stream with the failure as it is', () => {
    const next = failureStep({ reason: 'ended' }, context({ reconnect: false }));
    expect(next).toEqual({ step: 'stop', reason: 'ended', error: null });
  });

  it('leaves the delay to a transport that retries by itself', () => {
    const next = failureStep({ reason: 'network', browserRetrying: true }, context());
    expect(next).toEqual(jasmine.objectContaining({ step: 'retry', delayMs: null }));
  });

  it('keeps a delay of weeks (a server retry: or Retry-After) within what a timer can wait', () => {
    const next = failureStep(
      { reason: 'http', status: 503, retryAfterMs: 40 * 24 * 3600 * 1000 },
      context(),
    );
    expect(next).toEqual(jasmine.objectContaining({ step: 'retry', delayMs: 2_147_483_647 }));
  });

  it('stops with a typed error when a custom policy picks a delay a timer cannot wait', () => {
    const policy: SseConfig['policy'] = () => ({
      action: 'retry',
      delayMs: NaN,
      reason: 'network',
    });
    const next = failureStep(
      { reason: 'network' },
      context({ config: { ...DEFAULT_SSE_CONFIG, policy } }),
    );
    expect(next.step).toBe('stop');
    expect(next.reason).toBe('invalid-request');
    expect(next.error?.detail).toBe('the reconnect policy chose delayMs NaN');
  });
});
