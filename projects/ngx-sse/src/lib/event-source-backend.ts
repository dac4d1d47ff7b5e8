import { Injectable, InjectionToken, inject } from '@angular/core';

import {
  SseBackend,
  type SseBackendConnection,
  type SseBackendHandlers,
  type SseRequest,
} from './backend';
import { SSE_SCHEDULER } from './scheduler';

/**
 * Creates the browser's `EventSource`. Tests provide a fake here instead of patching globals.
 *
 * @example
 * providers: [{ provide: EVENT_SOURCE_FACTORY, useValue: (url, init) => new FakeEventSource(url, init) }]
 */
export const EVENT_SOURCE_FACTORY = new InjectionToken<
  (url: string, init: EventSourceInit) => EventSource
>(typeof ngDevMode === 'undefined' || ngDevMode ? 'EVENT_SOURCE_FACTORY' : '', {
  providedIn: 'root',
  // Read lazily: touching `EventSource` at import time would break SSR.
  factory: () => (url, init) => new EventSource(url, init),
});

/**
 * Appends `name=value` to a URL's query. A fragment is dropped: browsers never send it, and a
 * parameter appended after it would not reach the server.
 *
 * @example
 * withQueryParam('/api/events?topics=jobs', 'lastEventId', '42'); // '/api/events?topics=jobs&lastEventId=42'
 */
export function withQueryParam(url: string, name: string, value: string): string {
  const [base] = url.split('#');
  return `${base}${base.includes('?') ? '&' : '?'}${encodeURIComponent(name)}=${encodeURIComponent(value)}`;
}

/**
 * The default transport: the browser's native `EventSource`.
 *
 * It cannot send headers, so the library's own reconnects resume through a query parameter;
 * the browser's own retries already send `Last-Event-ID`.
 *
 * @example
 * providers: [{ provide: SseBackend, useExisting: EventSourceBackend }] // every stream on EventSource
 */
@Injectable({ providedIn: 'root' })
export class EventSourceBackend extends SseBackend {
  readonly #create = inject(EVENT_SOURCE_FACTORY);
  readonly #scheduler = inject(SSE_SCHEDULER);

  /** Opens an `EventSource` for `request`; the resume id goes in the `lastEventIdParam` query. */
  connect(request: SseRequest, handlers: SseBackendHandlers): SseBackendConnection {
    const url = request.lastEventId
      ? withQueryParam(request.url, request.lastEventIdParam, request.lastEventId)
      : request.url;
    const source = this.#create(url, { withCredentials: request.withCredentials });
    // The browser's own retry keeps the URL, so a resume id in its query outlives a server's
    // reset of the id (an id seen, then an empty one): a server that falls back to the query
    // would replay from it. Then the library reconnects instead, from the empty id. Before any
    // id, the browser's is empty only because it is fresh, and the query's still stands.
    let lastId = '';
    let sawId = false;
    const staleQuery = () => url !== request.url && sawId && lastId === '';
    // A server that sends `retry: 0` and drops every connection at once keeps the browser
    // reconnecting in a tight loop (hundreds of requests a second in Chromium) that its own
    // retries never leave: from the fourth drop in a row, each within a second of the last, the
    // library reconnects instead, after its backoff.
    let droppedAt = -Infinity;
    let hastyDrops = 0;
    const hasty = () => {
      const now = this.#scheduler.now();
      hastyDrops = now - droppedAt < 1000 ? hastyDrops + 1 : 0;
      droppedAt = now;
      return hastyDrops > 2;
    };
    // One listener per name, which knows its name: per event only `data` and `lastEventId` are
    // read. The browser's own `error` and `open` events reach listeners of those names too.
    const listeners = new Map<string, EventListener>();
    source.onopen = () => handlers.open();
    source.onerror = () =>
      handlers.error(
        // 2: EventSource.CLOSED, spelled out so fakes need not define the constant.
        source.readyState === 2
          ? { reason: 'refused' }
          : staleQuery() || hasty()
            ? { reason: 'network' }
            : { reason: 'network', browserRetrying: true },
      );
    const connection: SseBackendConnection = {
      listen: (type) => {
        if (listeners.has(type)) return;
        const own = type === 'open' || type === 'error';
        const listener = ((event: MessageEvent<string>) => {
          if (!own || 'data' in event) {
            if ((lastId = event.lastEventId)) sawId = true;
            handlers.event(type, event.data, lastId);
          }
        }) as EventListener;
        listeners.set(type, listener);
        source.addEventListener(type, listener);
      },
      unlisten: (type) => {
        source.removeEventListener(type, listeners.get(type)!);
        listeners.delete(type);
      },
      // A closed EventSource fires nothing more, so its handlers need no unhooking.
      close: () => source.close(),
    };
    // Default events always count (and reach `events()`), as the fetch transport's do.
    for (const type of request.types) connection.listen(type);
    connection.listen('message');
    return connection;
  }
}
