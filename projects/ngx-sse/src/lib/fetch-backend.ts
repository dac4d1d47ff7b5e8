import { DOCUMENT, Injectable, InjectionToken, inject } from '@angular/core';

import {
  SseBackend,
  type SseBackendConnection,
  type SseBackendHandlers,
  type SseRequest,
} from './backend';
import { type SseFeature, sseFeature } from './config';
import { SseEventTooLargeError, SseParser } from './parser/sse-parser';
import type { SseFailure } from './policy';
import { SseError } from './sse-error';

/** Headers, or a function (sync or async) evaluated on every attempt so refreshed tokens are used. */
export type SseHeaders = HeadersInit | (() => HeadersInit | Promise<HeadersInit>);

/**
 * Request settings of the fetch transport: defaults through `withFetchTransport(options)`,
 * overridden per stream through `stream(url, { init })`.
 *
 * @example
 * client.stream('/api/chat', {
 *   backend: inject(FetchBackend),
 *   init: { method: 'POST', body: JSON.stringify({ prompt }), headers: () => ({ Authorization: `Bearer ${auth.token()}` }) },
 * });
 */
export interface SseFetchOptions {
  readonly method?: string;
  readonly headers?: SseHeaders;
  readonly body?: BodyInit | null;
  /** Overrides `withCredentials` (`include` when set, `same-origin` otherwise). */
  readonly credentials?: RequestCredentials;
  /** Largest event, in UTF-16 code units, before a `too-large` error. Default 1 MiB. */
  readonly maxEventSize?: number;
  /**
   * Called on 401/403. Resolving `'retry'` reconnects once at once (with freshly evaluated
   * headers); anything else stops with reason `unauthorized`.
   */
  readonly onUnauthorized?: (error: SseError) => Promise<'retry' | void> | 'retry' | void;
  /** Close while the page is hidden and resume from the last event id when it is visible again. */
  readonly pauseWhenHidden?: boolean;
  /** Let `pauseWhenHidden` resend a non-GET request (a POST) on becoming visible. Off by default. */
  readonly replayWhenVisible?: boolean;
}

/** Default fetch settings, from `withFetchTransport(options)`. */
export const SSE_FETCH_OPTIONS = new InjectionToken<SseFetchOptions>('SSE_FETCH_OPTIONS', {
  providedIn: 'root',
  factory: () => ({}),
});

/**
 * The `fetch` the transport calls. Tests provide a fake here instead of patching globals.
 *
 * @example
 * providers: [{ provide: SSE_FETCH, useValue: fakeFetch }]
 */
export const SSE_FETCH = new InjectionToken<typeof fetch>('SSE_FETCH', {
  providedIn: 'root',
  factory: () => (input, init) => fetch(input, init),
});

const UNAUTHORIZED = [401, 403];

async function resolveHeaders(headers: SseHeaders | undefined): Promise<Headers> {
  return new Headers(typeof headers === 'function' ? await headers() : headers);
}

/** `Retry-After` as seconds or an HTTP date, in ms from `now`; undefined when absent or invalid. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const ms = /^\d+$/.test(value.trim()) ? Number(value) * 1000 : Date.parse(value) - now;
  return Number.isNaN(ms) ? undefined : Math.max(0, ms);
}

/**
 * The fetch transport: headers and bodies (POST streams), HTTP statuses and content types the
 * policy can act on, `Last-Event-ID` on every reconnect, comments as liveness, and a spec-exact
 * streaming parser. Enable it with `withFetchTransport()` or per stream with `backend`.
 */
@Injectable({ providedIn: 'root' })
export class FetchBackend extends SseBackend {
  readonly #fetch = inject(SSE_FETCH);
  readonly #defaults = inject(SSE_FETCH_OPTIONS);
  readonly #document = inject(DOCUMENT);

  connect(request: SseRequest, handlers: SseBackendHandlers): SseBackendConnection {
    const stream = (request.init ?? {}) as SseFetchOptions;
    const options: SseFetchOptions = { ...this.#defaults, ...stream };
    const method = (options.method ?? 'GET').toUpperCase();
    const document = this.#document;
    const pausable = !!options.pauseWhenHidden && (method === 'GET' || !!options.replayWhenVisible);
    let lastEventId = request.lastEventId;
    let controller: AbortController | null = null;
    let retriedUnauthorized = false;

    // Reports for one attempt only while it is live: after close() or a pause, nothing.
    const fail = (current: AbortController, failure: SseFailure) =>
      !current.signal.aborted && handlers.error(failure);

    const attempt = async (): Promise<void> => {
      const current = (controller = new AbortController());
      try {
        // A stream's headers add to the defaults (an Authorization default survives a POST's
        // Content-Type); both are evaluated on every attempt.
        const headers = await resolveHeaders(this.#defaults.headers);
        (await resolveHeaders(stream.headers)).forEach((value, name) => headers.set(name, value));
        headers.set('Accept', 'text/event-stream');
        if (lastEventId) headers.set('Last-Event-ID', lastEventId);
        if (current.signal.aborted) return;
        const response = await this.#fetch(request.url, {
          method,
          headers,
          body: options.body,
          credentials: options.credentials ?? (request.withCredentials ? 'include' : 'same-origin'),
          cache: 'no-store',
          signal: current.signal,
        });
        const { status } = response;
        if (status !== 200) {
          void response.body?.cancel();
          if (UNAUTHORIZED.includes(status) && options.onUnauthorized && !retriedUnauthorized) {
            retriedUnauthorized = true;
            const error = new SseError('unauthorized', `server answered ${status}`, {
              url: request.url,
              attempt: 0,
              status,
            });
            if ((await options.onUnauthorized(error)) === 'retry' && !current.signal.aborted) {
              return attempt();
            }
          }
          fail(current, {
            kind: 'http',
            status,
            retryAfterMs: parseRetryAfter(response.headers.get('Retry-After')),
          });
          return;
        }
        const contentType = response.headers.get('Content-Type') ?? '';
        if (!/^text\/event-stream(;|$)/i.test(contentType.trim())) {
          void response.body?.cancel();
          fail(current, { kind: 'content-type', contentType });
          return;
        }
        retriedUnauthorized = false;
        handlers.open();
        await read(response.body!, current);
      } catch {
        // A network error, a headers function or onUnauthorized hook that throws, or a 200
        // without a body. After an abort, `fail` reports nothing.
        fail(current, { kind: 'network' });
      }
    };

    const read = async (body: ReadableStream<Uint8Array>, current: AbortController) => {
      const parser = new SseParser(
        {
          // Every event goes to the core, subscribed or not, so its resume id is never stale.
          event: (event) => {
            lastEventId = event.lastEventId;
            handlers.event(event.type, event.data, event.lastEventId);
          },
          retry: (ms) => handlers.retry(ms),
          comment: () => handlers.alive(),
        },
        { maxEventSize: options.maxEventSize, lastEventId },
      );
      const reader = body.getReader();
      try {
        for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
          if (current.signal.aborted) return;
          handlers.alive();
          parser.feed(chunk.value);
        }
        parser.end();
        fail(current, { kind: 'ended' });
      } catch (error) {
        void reader.cancel().catch(() => undefined);
        fail(
          current,
          error instanceof SseEventTooLargeError ? { kind: 'too-large' } : { kind: 'network' },
        );
      }
    };

    const onVisibility = () => {
      if (document.hidden) {
        controller?.abort();
        handlers.pause();
      } else if (controller?.signal.aborted) {
        void attempt();
      }
    };

    if (pausable) document.addEventListener('visibilitychange', onVisibility);
    if (pausable && document.hidden) {
      controller = new AbortController();
      controller.abort();
      handlers.pause();
    } else {
      void attempt();
    }

    return {
      // The core filters by name; the stream carries every event anyway.
      listen: () => undefined,
      unlisten: () => undefined,
      close: () => {
        document.removeEventListener('visibilitychange', onVisibility);
        controller?.abort();
        controller = null;
      },
    };
  }
}

/**
 * Switches `provideSse` to the fetch transport, as `withFetch()` switches `HttpClient`.
 *
 * @example
 * provideSse(withFetchTransport({ headers: () => ({ Authorization: `Bearer ${token()}` }) }))
 */
export function withFetchTransport(options: SseFetchOptions = {}): SseFeature {
  return sseFeature(
    {},
    { provide: SseBackend, useExisting: FetchBackend },
    { provide: SSE_FETCH_OPTIONS, useValue: options },
  );
}
