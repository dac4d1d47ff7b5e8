import { EnvironmentInjector, Injectable, InjectionToken, inject } from '@angular/core';

import {
  SseBackend,
  type SseBackendConnection,
  type SseBackendHandlers,
  type SseRequest,
} from './backend';
import { SSE_FETCH_OPTIONS, type SseFetchDefaults } from './fetch-defaults';
import { HeadersFailure, fetchInit } from './fetch-request';
import { liveContext } from './live-context';
import { responseFailure } from './fetch-response';
import { SseEventTooLargeError, SseParser } from './parser/sse-parser';
import type { SseFailure } from './reason';

/**
 * The `fetch` the transport calls. Tests provide a fake here instead of patching globals.
 *
 * @example
 * providers: [{ provide: SSE_FETCH, useValue: fakeFetch }]
 */
export const SSE_FETCH = new InjectionToken<typeof fetch>(
  typeof ngDevMode === 'undefined' || ngDevMode ? 'SSE_FETCH' : '',
  {
    providedIn: 'root',
    factory: () => (input, init) => fetch(input, init),
  },
);

/**
 * The fetch transport: headers and bodies (POST streams), HTTP statuses and content types the
 * policy can act on, `Last-Event-ID` on every reconnect, comments, and a spec-exact streaming
 * parser. Enabled by `withFetchTransport()`; a stream picks it with `transport: 'fetch'`.
 *
 * @example
 * provideSse(withFetchTransport());
 */
@Injectable({ providedIn: 'root' })
export class FetchBackend extends SseBackend {
  readonly #fetch = inject(SSE_FETCH);
  readonly #defaults = inContext(inject(SSE_FETCH_OPTIONS), inject(EnvironmentInjector));

  /** Sends `request` with `fetch` and parses the body as it streams in. */
  connect(request: SseRequest, handlers: SseBackendHandlers): SseBackendConnection {
    const controller = new AbortController();
    const { signal } = controller;
    // Reports only while the attempt is live: after close(), nothing.
    const fail = (failure: SseFailure) => !signal.aborted && handlers.error(failure);
    void this.#attempt(request, handlers, signal).catch((error: unknown) =>
      fail(
        error instanceof SseEventTooLargeError
          ? { reason: 'too-large' }
          : error instanceof HeadersFailure
            ? { reason: error.invalid ? 'invalid-request' : 'network', detail: error.message }
            : { reason: 'network', detail: String(error) },
      ),
    );
    return {
      // The core filters by name; the body carries every event anyway.
      listen: () => undefined,
      unlisten: () => undefined,
      close: () => controller.abort(),
    };
  }

  async #attempt(request: SseRequest, handlers: SseBackendHandlers, signal: AbortSignal) {
    const init = await fetchInit(request, this.#defaults, signal);
    if (signal.aborted) return;
    const response = await this.#fetch(request.url, init);
    // fetch errors the body of an aborted request; an SSE_FETCH that ignores the signal (a
    // wrapper, a polyfill) would answer late, and its response is discarded like a refused one.
    const failure = signal.aborted ? null : responseFailure(response);
    if (signal.aborted || failure) {
      void response.body?.cancel().catch(() => undefined);
      if (failure) handlers.error(failure);
      return;
    }
    handlers.open();
    const { lastEventId } = request;
    // The id the core last heard, from an event or a resume: an `id:`-only frame later in the
    // same read may move the parser's id back to what it was before the read.
    let resumeId = lastEventId;
    const parser = new SseParser(
      {
        // Every event goes to the core, subscribed or not, so its resume id is never stale.
        event: (event) => handlers.event(event.type, event.data, (resumeId = event.lastEventId)),
        retry: (ms) => handlers.retry(ms),
        comment: (text) => handlers.alive(text),
      },
      { maxEventSize: request.maxEventSize, lastEventId },
    );
    const reader = response.body!.getReader();
    signal.addEventListener('abort', () => void reader.cancel().catch(() => undefined), {
      once: true,
    });
    try {
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
        if (signal.aborted) return;
        handlers.alive();
        try {
          parser.feed(chunk.value);
        } finally {
          // An `id:` without data (a server's resume point) dispatches no event but moves the id,
          // also when a later line of the same read is too large.
          if (parser.lastEventId !== resumeId) handlers.resume?.((resumeId = parser.lastEventId));
        }
      }
      parser.end();
      if (!signal.aborted) handlers.error({ reason: 'ended' });
    } catch (error) {
      void reader.cancel().catch(() => undefined);
      throw error;
    }
  }
}

/**
 * The defaults with their header function run in the injection context of the injector that
 * holds `withFetchTransport()`, so it may `inject()` (an auth service) on every attempt.
 */
function inContext(defaults: SseFetchDefaults, injector: EnvironmentInjector): SseFetchDefaults {
  const { headers } = defaults;
  if (typeof headers !== 'function') return defaults;
  const run = liveContext(injector);
  return { ...defaults, headers: () => run(headers) };
}
