import type { DestroyRef, Signal } from '@angular/core';
import { Observable, type Observer, Subject, map, merge } from 'rxjs';

import type { SseConnection } from './connection';
import { COMMENTS } from './machine-types';
import type { SseError } from './sse-error';
import type {
  SseAnyMessage,
  SseDeserializer,
  SseDiagnostics,
  SseEventMap,
  SseMessage,
  SseState,
} from './types';

/**
 * The payload type of default (`message`) events in an event map.
 *
 * @example
 * type Text = SseDefaultData<{ message: string }>; // string
 */
export type SseDefaultData<M> = M extends { message: infer T } ? T : unknown;

/** The `text` deserializer: the raw data, as it came. */
export const text: SseDeserializer = (data) => data;

/**
 * A typed handle on a shared connection. Every Observable of every handle for the same URL and
 * options shares one connection, opened by the first subscriber and closed after the last one
 * leaves. A failure that stops the connection errors them with an {@link SseError}; `close()`
 * and unsubscribing complete them.
 *
 * @example
 * const stream = inject(SseClient).stream<{ notification: { title: string } }>('/api/events');
 * stream.on('notification').subscribe(({ data }) => console.log(data.title));
 * const status = computed(() => stream.state().status);
 */
export interface SseStream<M extends SseEventMap = Record<string, unknown>> {
  /** The connection's state, as a Signal. */
  readonly state: Signal<SseState>;
  /** The connection's state, as an Observable that replays the current value. */
  readonly state$: Observable<SseState>;
  /** Counters, timestamps, the last error and the transition log, as a Signal. */
  readonly diagnostics: Signal<SseDiagnostics>;
  /** The same diagnostics, as an Observable that replays the current value. */
  readonly diagnostics$: Observable<SseDiagnostics>;
  /**
   * Connection failures, and parse errors of this handle's own subscribers, as they happen. It
   * never errors or completes.
   */
  readonly errors$: Observable<SseError>;

  /**
   * Events named `type`, deserialized. A payload that fails to deserialize is reported on
   * `errors$` and in diagnostics, and skipped; the stream goes on.
   *
   * @example
   * stream.on('job-progress').pipe(map(({ data }) => data.percent))
   */
  on<K extends keyof M & string>(type: K): Observable<SseMessage<M[K], K>>;

  /**
   * Default events (those without an `event:` field).
   *
   * @example
   * stream.messages().subscribe(({ data }) => append(data));
   */
  messages(): Observable<SseMessage<SseDefaultData<M>, 'message'>>;

  /**
   * Every event of any name, narrowed by `type`. With the fetch transport that is every event the
   * server sends; `EventSource` only reports names something listens to (`message` included), so an
   * event log of unknown names needs fetch.
   *
   * @example
   * stream.events().subscribe((m) => log.push(`${m.type} #${m.lastEventId}`));
   */
  events(): Observable<SseAnyMessage<M>>;

  /**
   * Comment lines (`: heartbeat`), without the colon and one leading space. Fetch transport only,
   * with `comments: true`; `EventSource` never shows comments.
   *
   * @example
   * client.stream(url, { transport: 'fetch', comments: true }).comments().subscribe(console.debug);
   */
  comments(): Observable<string>;

  /**
   * A fresh attempt now, resuming from the last event id. It counts as a reconnect; it does
   * nothing while the connection is not running (no subscriber) or paused.
   *
   * @example
   * retryButton.onclick = () => stream.reconnect();
   */
  reconnect(): void;

  /**
   * Completes this handle's subscribers. The connection closes at once (reason `closed`, no
   * reconnect afterwards) unless other handles still use it. A later subscribe opens it again.
   *
   * @example
   * stream.on('done').subscribe(() => stream.close());
   */
  close(): void;
}

/** The handle `SseClient.stream()` returns. */
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
