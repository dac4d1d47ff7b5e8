import { faultActions } from './fault-actions';

describe('faultActions', () => {
  const describe503 = (transport: 'fetch' | 'eventsource') =>
    faultActions({ transport, heartbeatTimeoutMs: 2000 }).find(({ label }) => label === '503 × 3')!;

  it('arms three 503s and says their delays are floored by the server’s retry:', () => {
    for (const transport of ['fetch', 'eventsource'] as const) {
      const action = describe503(transport);
      expect(action.fault).toEqual({ kind: 'status', status: 503, count: 3 });
      // The mock server's retry: 2000 outweighs the first backoff steps: delays need not grow.
      expect(action.description).not.toMatch(/growing/);
      expect(action.description).toContain('the server’s retry: delay (2 s by default)');
    }
  });

  it('says a 204 stops the fetch transport for good but is a retried refusal on EventSource', () => {
    const describe204 = (transport: 'fetch' | 'eventsource') =>
      faultActions({ transport, heartbeatTimeoutMs: 2000 }).find(({ label }) => label === '204')!;
    expect(describe204('fetch').description).toContain('the client stops for good (no-content)');
    expect(describe204('eventsource').description).toContain(
      'it reads as refused and the dashboard retries',
    );
    expect(describe204('eventsource').fault).toEqual({ kind: 'no-content' });
  });
});
