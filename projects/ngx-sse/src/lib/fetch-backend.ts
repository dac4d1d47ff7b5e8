import { Injectable, InjectionToken, inject } from '@angular/core';

import {
  SseBackend,
  type SseBackendConnection,
  type SseBackendHandlers,
  type SseRequest,
} from './backend';
import { type SseFeature, type SseRefresh, type SseUnauthorizedHandler, ɵfeature } from './config';
import { mimeEssence } from './mime';
import type { SseHeaders } from './options';
import { SseEventTooLargeError, SseParser } from './parser/sse-parser';
import type { SseFailure } from './reason';

/**
 * Settings of `withFetchTransport()`: defaults for every fetch stream, and whether fetch becomes
 * the transport of streams that do not name one.
 *
 * @example
 * withFetchTransport({ headers: () => ({ Authorization: `Bearer ${auth.token()}` }), onUnauthorized: refresh })
 */
export interface SseFetchDefaults {
  /** Sent on every attempt of every fetch stream; a stream's own headers add to these. */
  readonly headers?: SseHeaders;
  /** Fetch's `credentials` for every fetch stream; a stream's own setting wins. */
  readonly credentials?: RequestCredentials;
  /** See {@link SseUnauthorizedHandler}; the core runs it, so the retry shows in the state. */
  readonly onUnauthorized?: SseUnauthorizedHandler;
  /** Make fetch the default transport (true unless set to false). */
  readonly default?: boolean;
}

/**
 * The default fetch settings, from `withFetchTransport(options)` (internal: apps pass them there).
 *
 * @example
 * provideSse(withFetchTransport({ credentials: 'include' })); // fills this token
 */
export const SSE_FETCH_OPTIONS = new InjectionToken<SseFetchDefaults>(
  typeof ngDevMode === 'undefined' || ngDevMode ? 'SSE_FETCH_OPTIONS' : '',
  { providedIn: 'root', factory: () => ({}) },
);

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

/** An attempt's headers could not be built: a header function failed, or a value is invalid. */
class HeadersFailure extends Error {
  constructor(
    /** A value no request may carry: retrying cannot fix it. */
    readonly invalid: boolean,
    cause: unknown,
  ) {
    super(`${invalid ? 'invalid header' : 'headers function failed'}: ${String(cause)}`, { cause });
  }
}

async function resolveHeaders(headers: SseHeaders | undefined): Promise<Headers> {
  let init: HeadersInit | undefined;
  try {
    init = typeof headers === 'function' ? await headers() : headers;
  } catch (cause) {
    // A token store that is down now may be up at the next attempt.
    throw new HeadersFailure(false, cause);
  }
  try {
    return new Headers(init);
  } catch (cause) {
    throw new HeadersFailure(true, cause);
  }
}

// Seconds, or the IMF-fixdate of RFC 9110 (`Sun, 06 Nov 1994 08:49:37 GMT`).
const RETRY_AFTER = /^(\d+|[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT)$/;

/**
 * `Retry-After` as seconds or an HTTP date, in ms from `now`; undefined when absent or invalid.
 *
 * @example
 * parseRetryAfter('120'); // 120000
 */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  const text = value?.trim() ?? '';
  // Anything else ("1.5", "-1", a loose date) is ignored rather than read as "now".
  if (!RETRY_AFTER.test(text)) return undefined;
  const ms = /^\d+$/.test(text) ? Number(text) * 1000 : Date.parse(text) - now;
  return Number.isNaN(ms) ? undefined : Math.max(0, ms);
}

/**
 * A header value carrying `id` as UTF-8, as browsers' `EventSource` sends `Last-Event-ID`: fetch
 * headers take only byte strings, so each UTF-8 byte becomes one character.
 *
 * @example
 * lastEventIdHeader('café'); // 'cafÃ©' on the JS side, the bytes 63 61 66 C3 A9 on the wire
 */
export function lastEventIdHeader(id: string): string {
  return String.fromCharCode(...new TextEncoder().encode(id));
}

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
  readonly #defaults = inject(SSE_FETCH_OPTIONS);

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
    const { fetch: options, lastEventId } = request;
    // A stream's headers add to the defaults (an Authorization default survives a POST's
    // Content-Type); both are evaluated on every attempt.
    const headers = await resolveHeaders(this.#defaults.headers);
    (await resolveHeaders(options.headers)).forEach((value, name) => headers.set(name, value));
    headers.set('Accept', 'text/event-stream');
    if (lastEventId) headers.set('Last-Event-ID', lastEventIdHeader(lastEventId));
    if (signal.aborted) return;
    const response = await this.#fetch(request.url, {
      method: options.method,
      headers,
      body: options.body,
      credentials:
        options.credentials ??
        this.#defaults.credentials ??
        (request.withCredentials ? 'include' : 'same-origin'),
      cache: 'no-store',
      signal,
    });
    const { status } = response;
    const contentType = response.headers.get('Content-Type') ?? '';
    let failure: SseFailure | null = null;
    if (status !== 200) {
      const retryAfterMs = parseRetryAfter(response.headers.get('Retry-After'));
      failure = { reason: 'http', status, retryAfterMs };
    } else if (mimeEssence(contentType) !== 'text/event-stream') {
      failure = { reason: 'bad-content-type', status, detail: contentType };
    } else if (!response.body) {
      failure = { reason: 'network', detail: 'no body' };
    }
    if (failure) {
      void response.body?.cancel().catch(() => undefined);
      if (!signal.aborted) handlers.error(failure);
      return;
    }
    handlers.open();
    const parser = new SseParser(
      {
        // Every event goes to the core, subscribed or not, so its resume id is never stale.
        event: (event) => handlers.event(event.type, event.data, event.lastEventId),
        retry: (ms) => handlers.retry(ms),
        comment: (text) => handlers.alive(text),
      },
      { maxEventSize: request.maxEventSize, lastEventId },
    );
    const reader = response.body!.getReader();
    try {
      let resumeId = lastEventId;
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
        if (signal.aborted) return;
        handlers.alive();
        parser.feed(chunk.value);
        // An `id:` without data (a server's resume point) dispatches no event but moves the id.
        if (parser.lastEventId !== resumeId) handlers.resume?.((resumeId = parser.lastEventId));
      }
      parser.end();
      if (!signal.aborted) handlers.error({ reason: 'ended' });
    } catch (error) {
      void reader.cancel().catch(() => undefined);
      throw error;
    }
  }
}

/** The core's 401 refresh with `handler`: only fetch streams see statuses, so it lives here. */
function refreshWith(handler: SseUnauthorizedHandler): SseRefresh {
  return (error, retry, done) => {
    void Promise.resolve()
      .then(() => handler(error))
      .then(
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
      refresh: onUnauthorized ? refreshWith(onUnauthorized) : null,
      ...(byDefault ? { transport: 'fetch' as const } : {}),
    },
    // A backend per environment injector, so a lazy route's defaults are the ones its streams use
    // (the `providedIn: 'root'` one would read the root's).
    FetchBackend,
    { provide: SSE_FETCH_OPTIONS, useValue: options },
  );
}
