import {
  DOCUMENT,
  DestroyRef,
  ErrorHandler,
  Injectable,
  Injector,
  NgZone,
  PLATFORM_ID,
  inject,
} from '@angular/core';

import { SseBackend } from './backend';
import { SseBatcher } from './batcher';
import type { SseConfig } from './config';
import { SseConnection } from './connection';
import { currentDestroyRef } from './current-destroy-ref';
import { EventSourceBackend } from './event-source-backend';
import type { SseFetchOptions, SseStreamOptions } from './options';
import { ownConfig } from './own-config';
import { identity, omitBody } from './request-key';
import { SSE_SCHEDULER } from './scheduler';
import type { SseStream } from './sse-stream';
import { streamRequest } from './stream-request';
import { SseStreamRef } from './stream-ref';
import type { SseEventMap } from './types';
import { unknownOptionsMessage } from './unknown-options';

let unshared = 0;

/**
 * Hands out typed, shared Server-Sent Events streams. Works with zero configuration;
 * `provideSse(...)` tunes it, for the application or for a lazy route.
 *
 * @example
 * export class Inbox {
 *   private readonly stream = inject(SseClient).stream<{ notification: { title: string } }>('/api/events');
 *   // A fatal failure errors the Observable; `state` says why, so the signal just stops.
 *   readonly latest = toSignal(this.stream.on('notification').pipe(catchError(() => EMPTY)));
 *   readonly state = this.stream.state;
 * }
 */
@Injectable({ providedIn: 'root' })
export class SseClient {
  /**
   * The resolved configuration: the parent injector's client's, then this injector's features.
   *
   * @internal
   */
  readonly config: SseConfig = ownConfig(inject(SseClient, { optional: true, skipSelf: true }));
  readonly #zone = inject(NgZone);
  readonly #injector = inject(Injector);
  readonly #override = inject(SseBackend, { optional: true });
  readonly #scheduler = inject(SSE_SCHEDULER);
  readonly #document = inject(DOCUMENT);
  readonly #window = inject(PLATFORM_ID) === 'browser' ? this.#document.defaultView : null;
  readonly #batcher = new SseBatcher(this.#zone, this.config.schedule, inject(ErrorHandler));
  // Weak, so a connection is shared while any handle or subscription still holds it, and is
  // collected after (a POST stream per prompt must not pile up).
  readonly #connections = new Map<string, WeakRef<SseConnection>>();

  /**
   * A typed handle on the connection for `url` and these options. Equal GET requests share one
   * connection; fetch-only options need `transport: 'fetch'` (a compile error otherwise, and an
   * `invalid-request` {@link SseError} thrown here for untyped callers).
   *
   * @example
   * client.stream<{ metric: Metric }>('/api/events?topics=metrics').on('metric')
   * client.stream<ChatEvents>('/api/chat', { transport: 'fetch', method: 'POST', body });
   */
  stream<M extends SseEventMap = Record<string, unknown>>(
    url: string,
    options: SseStreamOptions = {},
  ): SseStream<M> {
    if (typeof ngDevMode === 'undefined' || ngDevMode) {
      const unknown = unknownOptionsMessage(url, options);
      if (unknown) console.warn(unknown);
    }
    const config = this.config;
    // Only a browser's document is asked: the server's DOM (domino, in platform-server) throws
    // on `baseURI`, and there nothing connects, so any base does.
    const base = (this.#window && this.#document.baseURI) || 'http://localhost/';
    const [request, method, headers, lingerMs, deserializer] = streamRequest(
      url,
      options,
      config,
      base,
    );
    const backend = this.#override ?? this.#backend(request.attempt.transport);
    // Every setting that shapes the connection, by value. Headers are compared by `headersKey`;
    // the body is left out: a GET has none, other methods share only by `shareKey`.
    const key = JSON.stringify(
      [
        request,
        headers,
        lingerMs,
        identity(backend!),
        method === 'GET' ? '' : (options.shareKey ?? `\0${++unshared}`),
      ],
      omitBody,
    );
    const connections = this.#connections;
    let connection = connections.get(key)?.deref();
    if (!connection) {
      // A GET may be shared with other tabs: one of them holds the real connection. Its key
      // holds only what every tab computes alike: no identity number, so no header function.
      const share =
        config.crossTab &&
        method === 'GET' &&
        options.crossTab !== false &&
        typeof (options as Partial<SseFetchOptions>).headers !== 'function';
      const tabKey = share && JSON.stringify([request, headers, lingerMs], omitBody);
      const ctx = {
        backend: tabKey
          ? this.#injector.get(config.crossTab!).decorate(backend!, tabKey)
          : backend!,
        config,
        scheduler: this.#scheduler,
        zone: this.#zone,
        window: this.#window,
        document: this.#document,
      };
      connection = new SseConnection(request, ctx, this.#batcher, lingerMs);
      for (const [stale, ref] of connections) if (!ref.deref()) connections.delete(stale);
      connections.set(key, new WeakRef(connection));
    }
    const handle = new SseStreamRef<M>(connection, deserializer);
    const destroyRef =
      options.destroyRef ?? options.injector?.get(DestroyRef) ?? currentDestroyRef();
    if (destroyRef) handle.bindTo(destroyRef);
    else if (typeof ngDevMode === 'undefined' || ngDevMode) {
      console.warn(
        `ngx-sse: stream('${url}') was created outside an injection context without \`injector\` or \`destroyRef\`, so nothing releases it: pass one, or close() it yourself.`,
      );
    }
    return handle;
  }

  #backend(transport: string): SseBackend | null {
    const token = transport === 'eventsource' ? EventSourceBackend : this.config.backends.fetch;
    return token ? this.#injector.get(token) : null;
  }
}
