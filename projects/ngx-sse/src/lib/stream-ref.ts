import type { DestroyRef, Signal } from '@angular/core';
import { Observable, type Observer, Subject, map, merge } from 'rxjs';

import type { SseConnection } from './connection';
import { COMMENTS } from './machine-types';
import type { SseError } from './sse-error';
import type { SseDefaultData, SseStream } from './sse-stream';
import type {
  SseAnyMessage,
  SseDeserializer,
  SseDiagnostics,
  SseEventMap,
  SseMessage,
  SseState,
} from './types';

/** The `text` deserializer: the raw data, as it came. */
export const text: SseDeserializer = (data) => data;

/**
 * The handle `SseClient.stream()` returns.
 *
 * @example
 * const handle = new SseStreamRef<Events>(connection, deserializer); // in SseClient.stream()
 */
export class SseStreamRef<M extends SseEventMap> implements SseStream<M> {
  readonly state: Signal<SseState>;
  readonly state$: Observable<SseState>;
  readonly diagnostics: Signal<SseDiagnostics>;
  readonly diagnostics$: Observable<SseDiagnostics>;
  readonly errors$: Observable<SseError>;

  readonly #connection: SseConnection;
  readonly #deserialize: SseDeserializer;
  // This handle's parse errors; it also tells the connection which subscribers are this handle's.
  readonly #owner = new Subject<SseError>();
  // The scope that releases this handle, and the undo of the registration with it: a closed
  // handle (and its connection) is not kept alive by a long-lived injector, and registers again
  // when it is subscribed again.
  #scope: DestroyRef | null = null;
  #unbind: (() => void) | null = null;

  constructor(connection: SseConnection, deserialize: SseDeserializer) {
    this.#connection = connection;
    this.#deserialize = deserialize;
    this.state = connection.state.asReadonly();
    this.state$ = connection.state$;
    this.diagnostics = connection.diagnostics.asReadonly();
    this.diagnostics$ = connection.diagnostics$;
    this.errors$ = merge(this.#owner, connection.failures);
  }

  on<K extends keyof M & string>(type: K): Observable<SseMessage<M[K], K>> {
    return this.#subscribe(type) as Observable<SseMessage<M[K], K>>;
  }

  messages(): Observable<SseMessage<SseDefaultData<M>, 'message'>> {
    return this.#subscribe('message') as Observable<SseMessage<SseDefaultData<M>, 'message'>>;
  }

  events(): Observable<SseAnyMessage<M>> {
    return this.#subscribe(null) as Observable<SseAnyMessage<M>>;
  }

  comments(): Observable<string> {
    return this.#subscribe(COMMENTS, text).pipe(map((message) => message.data as string));
  }

  reconnect(): void {
    this.#connection.reconnect();
  }

  close(): void {
    this.#unbindScope();
    this.#connection.release(this.#owner, true);
  }

  /** Whether `other` is a handle of the same connection (an equal request, shared). */
  shares(other: SseStreamRef<M>): boolean {
    return this.#connection === other.#connection;
  }

  /** Released when `scope` is destroyed; `close()` unbinds it until the next subscribe. */
  bindTo(scope: DestroyRef): void {
    this.#scope = scope;
    this.#bindScope();
  }

  /**
   * Subscribes `observer` to `types` (`null`: every name); `batchEnd` runs once after each batch
   * that delivered to it, so a Resource writes its signal once per batch.
   */
  observe(
    types: readonly string[] | null,
    observer: Observer<SseMessage<unknown>>,
    batchEnd: () => void,
  ): () => void {
    this.#bindScope();
    const teardowns = (types ?? [null]).map((type) =>
      this.#connection.subscribe(type, this.#deserialize, observer, this.#owner, batchEnd),
    );
    return () => {
      for (const teardown of teardowns) teardown();
    };
  }

  /** Releases this handle like an unsubscribe (the linger applies): its scope was destroyed. */
  release(): void {
    this.#unbindScope();
    this.#connection.release(this.#owner, false);
  }

  #bindScope(): void {
    const scope = this.#scope;
    if (scope && !this.#unbind && !scope.destroyed) {
      this.#unbind = scope.onDestroy(() => this.release());
    }
  }

  #unbindScope(): void {
    this.#unbind?.();
    this.#unbind = null;
  }

  #subscribe(
    type: string | typeof COMMENTS | null,
    deserialize = this.#deserialize,
  ): Observable<SseMessage<unknown>> {
    return new Observable<SseMessage<unknown>>((subscriber) => {
      this.#bindScope();
      return this.#connection.subscribe(type, deserialize, subscriber, this.#owner);
    });
  }
}
