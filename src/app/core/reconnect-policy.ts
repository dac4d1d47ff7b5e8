import { type SseReconnectPolicy, reconnectPolicy } from 'ngx-sse';

/**
 * The library's policy, except that a wrong content type is retried with backoff. Behind a proxy
 * or load balancer, a `200 text/html` error page during a deploy is a passing state, so the
 * dashboard keeps trying (the library's default, like `EventSource`, gives up). 204 and 401
 * still stop.
 *
 * @example
 * provideSse(withReconnect({ policy: dashboardPolicy }))
 */
export const dashboardPolicy: SseReconnectPolicy = (failure, attempt, retryMs, options, random) => {
  if (failure.reason !== 'bad-content-type') {
    return reconnectPolicy(failure, attempt, retryMs, options, random);
  }
  const decision = reconnectPolicy({ reason: 'network' }, attempt, retryMs, options, random);
  return decision.action === 'retry' ? { ...decision, reason: failure.reason } : decision;
};
