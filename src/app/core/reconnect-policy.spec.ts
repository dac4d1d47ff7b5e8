import { DEFAULT_RECONNECT, reconnectPolicy } from 'ngx-sse';

import { dashboardPolicy } from './reconnect-policy';

describe('dashboardPolicy', () => {
  const full = () => 1;

  it('retries a wrong content type with backoff, naming it, where the library stops', () => {
    const failure = { reason: 'bad-content-type', status: 200 } as const;
    expect(reconnectPolicy(failure, 1, 0, DEFAULT_RECONNECT, full).action).toBe('stop');
    expect(dashboardPolicy(failure, 1, 0, DEFAULT_RECONNECT, full)).toEqual({
      action: 'retry',
      delayMs: 1000,
      reason: 'bad-content-type',
    });
    expect(dashboardPolicy(failure, 3, 0, DEFAULT_RECONNECT, full)).toEqual(
      jasmine.objectContaining({ delayMs: 4000 }),
    );
  });

  it('leaves every other decision to the library: 204 and 401 stop, 503 retries', () => {
    for (const failure of [
      { reason: 'no-content', status: 204 },
      { reason: 'unauthorized', status: 401 },
      { reason: 'http', status: 503 },
    ] as const) {
      expect(dashboardPolicy(failure, 2, 0, DEFAULT_RECONNECT, full)).toEqual(
        reconnectPolicy(failure, 2, 0, DEFAULT_RECONNECT, full),
      );
    }
  });

  it('still stops after maxAttempts', () => {
    const options = { ...DEFAULT_RECONNECT, maxAttempts: 2 };
    expect(dashboardPolicy({ reason: 'bad-content-type' }, 3, 0, options, full)).toEqual({
      action: 'stop',
      reason: 'max-attempts',
    });
  });
});
