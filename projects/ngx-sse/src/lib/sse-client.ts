import { DOCUMENT, DestroyRef, Injectable, NgZone, PLATFORM_ID, inject } from '@angular/core';

import { SseBackend } from './backend';
import { DEFAULT_SSE_CONFIG, SSE_CONFIG, type SseConfig } from './config';
import { SseConnection } from './connection';
import { createDispatch } from './dispatcher';
import { EventSourceBackend } from './event-source-backend';
import { SSE_SCHEDULER } from './scheduler';
import { SseStream } from './stream';
import type { SseDeserializer, SseEventMap } from './types';

/**
 * Per-stream options. Streams with equal `url` and connection options share one connection;
 * `deserialize` is per handle.
 *
 * @example
 * client.stream('/api/log', { deserialize: 'text', lingerMs: 5000 })
 */
export interface SseStreamOptions {
  /** `json` (default), `text`, or a function; a throw is reported as a `parse` error. */
  readonly deserialize?: 'json' | 'text' | SseDeserializer;
  readonly withCredentials?: boolean;
  readonly heartbeatTimeoutMs?: number;
  readonly lingerMs?: number;
  /** A transport for this stream only, e.g. `inject(FetchBackend)`. */
  readonly backend?: SseBackend;
  /**
   * Transport-specific request settings (method, headers, body for the fetch transport).
   * Streams share a connection only when they pass the same `init` object.
   */
  readonly init?: unknown;
  /**
   * Releases the handle's subscribers when this scope is destroyed (the linger still applies);
   * taken from the injection context if omitted.
   */
  readonly destroyRef?: DestroyRef;
}

const DESERIALIZERS: Record<'json' | 'text', SseDeserializer> = {
  json: (data) => JSON.parse(data),
  text: (data) => data,
};

/**
 * Hands out typed, shared Server-Sent Events streams. Works with zero configuration;
 * `provideSse(...)` tunes it.
 *
 * @example
 * export class Inbox {
 *   private readonly stream = inject(SseClient).stream<{ notification: Notification }>('/api/events');
 *   readonly latest = toSignal(this.stream.on('notification'));
 *   readonly state = this.stream.state;
 * }
 */
@Injectable({ providedIn: 'root' })
export class SseClient {
  readonly #config: SseConfig = Object.assign(
    {},
    DEFAULT_SSE_CONFIG,
    ...(inject(SSE_CONFIG, { optional: true }) ?? []),
  );
  readonly #zone = inject(NgZone);
  readonly #context = {
    backend: inject(SseBackend, { optional: true }) ?? inject(EventSourceBackend),
    config: this.#config,
    scheduler: inject(SSE_SCHEDULER),
    dispatch: createDispatch(this.#zone, this.#config.batching),
    zone: this.#zone,
    window: inject(PLATFORM_ID) === 'browser' ? inject(DOCUMENT).defaultView : null,
  };
  // Weak, so a connection is shared while any handle or subscription still holds it, and is
  // collected after (a POST stream per prompt must not pile up).
  readonly #connections = new Map<string, WeakRef<SseConnection>>();

  /**
   * A typed handle on the connection for `url` and these options.
   *
   * @example
   * client.stream<{ metric: Metric }>('/api/events?topics=metrics').on('metric')
   */
  stream<M extends SseEventMap = Record<string, unknown>>(
    url: string,
    options: SseStreamOptions = {},
  ): SseStream<M> {
    const {
      deserialize = 'json',
      destroyRef = currentDestroyRef(),
      ...connectionOptions
    } = options;
    const backend = connectionOptions.backend ?? this.#context.backend;
    const withCredentials = connectionOptions.withCredentials ?? this.#config.withCredentials;
    const heartbeat = connectionOptions.heartbeatTimeoutMs ?? this.#config.heartbeatTimeoutMs;
    const linger = connectionOptions.lingerMs ?? this.#config.lingerMs;
    const { init } = connectionOptions;
    const key = JSON.stringify([
      url,
      withCredentials,
      heartbeat,
      linger,
      identity(backend),
      identity(init),
    ]);
    const connections = this.#connections;
    let connection = connections.get(key)?.deref();
    if (!connection) {
      connection = new SseConnection(
        { url, withCredentials, init },
        { ...this.#context, backend },
        heartbeat,
        linger,
      );
      for (const [stale, ref] of connections) if (!ref.deref()) connections.delete(stale);
      connections.set(key, new WeakRef(connection));
    }
    return new SseStream<M>(
      connection,
      typeof deserialize === 'function' ? deserialize : DESERIALIZERS[deserialize],
      destroyRef,
    );
  }
}

const identities = new WeakMap<object, number>();
let lastIdentity = 0;

/**
 * A stable id per object: streams share a connection only with the same backend instance and
 * the same `init` object (whose header functions JSON cannot compare).
 */
function identity(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0;
  let id = identities.get(value);
  if (id === undefined) identities.set(value, (id = ++lastIdentity));
  return id;
}

/** The `DestroyRef` of the current injection context, or none outside of one. */
function currentDestroyRef(): DestroyRef | undefined {
  try {
    return inject(DestroyRef);
  } catch {
    // Angular 21 has no public "am I in an injection context" check; `inject` throwing is it.
    return undefined;
  }
}
