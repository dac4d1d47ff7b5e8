import type { SseRefresh, SseUnauthorizedHandler } from './config';
import { FetchBackend } from './fetch-backend';
import { SSE_FETCH_OPTIONS, type SseFetchDefaults } from './fetch-defaults';
import { type SseFeature, ɵfeature } from './sse-feature';

/** The core's 401 refresh with `handler`: only fetch streams see statuses, so it lives here. */
function refreshWith(handler: SseUnauthorizedHandler): SseRefresh {
  return (error, retry, done) => {
    // A Promise's executor runs at once, so the handler's first statements run in the injection
    // context the client gives, and a throw becomes a rejection.
    void new Promise<Awaited<ReturnType<SseUnauthorizedHandler>>>((resolve) =>
      resolve(handler(error)),
    ).then(
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
