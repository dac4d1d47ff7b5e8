import { Injector } from '@angular/core';
import { FetchBackend, SSE_FETCH, type SseFailure, type SseRequest } from 'ngx-sse';

/**
 * What the fetch transport would pass to `fetch()` for `request`: the real `FetchBackend` of
 * `injector` (so `withFetchTransport()`'s defaults), run against a `fetch` that records its
 * options and aborts, so the kit asserts what production would send rather than a copy of how
 * it merges. Header functions run now, as they do when an attempt starts. Rejects with the
 * failure the transport would report when the headers cannot be built.
 *
 * @example
 * const init = await probeFetchInit(environmentInjector, connection.request);
 */
export function probeFetchInit(injector: Injector, request: SseRequest): Promise<RequestInit> {
  return new Promise<RequestInit>((resolve, reject) => {
    // Called once the headers are built, after an await: `connection` is assigned by then.
    const record: typeof fetch = (_input, init = {}) => {
      resolve(init);
      connection.close();
      return Promise.reject(new DOMException('probed', 'AbortError'));
    };
    const probe = Injector.create({
      providers: [FetchBackend, { provide: SSE_FETCH, useValue: record }],
      parent: injector,
    });
    const ignore = () => undefined;
    const connection = probe.get(FetchBackend).connect(request, {
      open: ignore,
      event: ignore,
      retry: ignore,
      alive: ignore,
      error: (failure: SseFailure) => reject(probeError(request, failure)),
    });
  });
}

function probeError(request: SseRequest, failure: SseFailure): Error {
  const detail = failure.detail ? `: ${failure.detail}` : '';
  return new Error(
    `ngx-sse/testing: the fetch transport would fail this attempt on ${request.url} before sending it (${failure.reason}${detail}).`,
    { cause: failure },
  );
}
