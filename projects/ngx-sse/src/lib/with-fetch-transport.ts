import type { SseRefresh, SseUnauthorizedHandler } from './config';
import { FetchBackend } from './fetch-backend';
import { SSE_FETCH_OPTIONS, type SseFetchDefaults } from './fetch-defaults';
import { type SseFeature, ɵfeature } from './sse-feature';

/** The core's 401 refresh with `handler`: only fetch streams see statuses, so it lives here. */
function refreshWith(handler: SseUnauthorizedHandler): SseRefresh {
  return (error, retry, done) => {
    // Called at once, so its first statements run in the injection context the client gives.
    let result: ReturnType<SseUnauthorizedHandler>;
    try {
      result = handler(error);
    } catch (thrown) {
      result = Promise.reject(thrown);
    }
    void Promise.resolve(result).then(
      (answer) => {
        if (answer === 'retry') retry();
        done();
      },
      (failure: unknown) => done(failure ?? new Error('onUnauthorized rejected')),
    );
  };
}

/**
 * Makes the fetch transport available and, unless `default: false`, the transport of every
 * stream that does not name one, as `withFetch()` does for `HttpClient`.
 *
 * @example
 * provideSse(withFetchTransport({ headers: () => ({ Authorization: `Bearer ${token()}` }) }))
 */
export function withFetchTransport(options: SseFetchDefaults = {}): SseFeature {
  const { onUnauthorized, default: byDefault = true } = options;
  return ɵfeature(
    'FetchTransport',
    [options],
    {
      backends: { fetch: FetchBackend },
      // Without a handler of its own, a lazy route's fetch settings keep the parent's.
      ...(onUnauthorized ? { refresh: refreshWith(onUnauthorized) } : {}),
      ...(byDefault ? { transport: 'fetch' as const } : {}),
    },
    // A backend per environment injector, so a lazy route's defaults are the ones its streams use
    // (the `providedIn: 'root'` one would read the root's).
    FetchBackend,
    { provide: SSE_FETCH_OPTIONS, useValue: options },
  );
}
