import type { SseBackendHandlers, SseFailure, SseTransport } from 'ngx-sse';

import type { AttemptGuard } from './attempt-guard';

// What the fetch transport would pass to `fetch()` for one test attempt (`provideSseTesting()`
// computes it when the attempt starts), and what follows when it could not build it.

/**
 * Fails the attempt when the transport cannot build its headers, before anything is sent, as in
 * production: a header function that throws (`network`, retried) or an invalid value.
 */
export function failWhenUnsent(
  sent: Promise<RequestInit> | undefined,
  guard: AttemptGuard,
  handlers: SseBackendHandlers,
): void {
  // Any other rejection is the test's injector torn down while the probe ran (NG0205): that
  // test is over, and nothing is left to fail.
  sent?.catch((error: Error) => {
    const failure = error.cause as SseFailure | undefined;
    if (!failure?.reason || guard.cancelled || guard.opened) return;
    guard.unsent = true;
    handlers.error(failure);
  });
}

/** The headers `sent` carries; a misuse when the attempt has none to show (not a kit fetch). */
export function sentHeaders(
  sent: Promise<RequestInit> | undefined,
  transport: SseTransport,
  guard: AttemptGuard,
): Promise<Headers> {
  if (!sent) {
    guard.misuse(
      transport === 'fetch'
        ? 'headers() on a connection not made by provideSseTesting()'
        : 'headers() on eventsource: a browser EventSource sends no headers of the app; use the fetch transport',
    );
  }
  return sent.then((init) => new Headers(init.headers));
}
