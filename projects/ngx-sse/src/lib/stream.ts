import type { DestroyRef, Signal } from '@angular/core';
import { EMPTY, type Observable, Subject, mergeMap, share, takeUntil } from 'rxjs';

import type { SseConnection } from './connection';
import type { SseError } from './sse-error';
import type { SseDeserializer, SseDiagnostics, SseEventMap, SseMessage, SseState } from './types';

/** The payload type of default (`message`) events in an event map. */
export type SseDefaultData<M> = M extends { message: infer T } ? T : unknown;

/**
 * A typed handle on a shared connection. Every `on()` Observable of every handle for the same
 * URL and options shares one connection, opened by the first subscriber and closed after the
 * last one leaves.
 *
 * @example
 * const stream = inject(SseClient).stream<{ notification: Notification }>('/api/events');
 * stream.on('notification').subscribe(({ data }) => console.log(data.title));
 * readonly status = computed(() => stream.state().status);
 */
export class SseStream<M extends SseEventMap = Record<string, unknown>> {
  /** The connection's state, as a Signal. */
  readonly state: Signal<SseState>;
  /** The connection's state, as an Observable that replays the current value. */
  readonly state$: Observable<SseState>;
  /** Counters, timestamps, the last error and the transition log, as a Signal. */
  readonly diagnostics: Signal<SseDiagnostics>;
  /** The same diagnostics, as an Observable. */
  readonly diagnostics$: Observable<SseDiagnostics>;
  /** Every error (parse errors included) as it happens; it never errors or completes. */
  readonly errors$: Observable<SseError>;

  readonly #closed = new Subject<void>();
  readonly #streams = new Map<string, Observable<SseMessage<unknown>>>();

  readonly #connection: SseConnection;
  readonly #deserialize: SseDeserializer;

  constructor(connection: SseConnection, deserialize: SseDeserializer, destroyRef?: DestroyRef) {
    this.#connection = connection;
    this.#deserialize = deserialize;
    // Like an unsubscribe, not a close(): a connection shared or lingering stays up.
    destroyRef?.onDestroy(() => this.#closed.next());
    this.state = connection.state.signal;
    this.state$ = connection.state.changes;
    this.diagnostics = connection.diagnostics.signal;
    this.diagnostics$ = connection.diagnostics.changes;
    this.errors$ = connection.errors;
  }

  /**
   * Events named `type`, deserialized. A payload that fails to deserialize is reported on
   * `errors$` and in diagnostics, and skipped; the stream goes on.
   *
   * @example
   * stream.on('job-progress').pipe(map(({ data }) => data.percent))
   */
  on<K extends keyof M & string>(type: K): Observable<SseMessage<M[K]>> {
    let stream = this.#streams.get(type);
    if (!stream) {
      stream = this.#connection.events(type).pipe(
        takeUntil(this.#closed),
        mergeMap((event) => {
          try {
            return [{ ...event, data: this.#deserialize(event.data, event.type) }];
          } catch (cause) {
            this.#connection.reportParseError(event, cause);
            return EMPTY;
          }
        }),
        share(),
      );
      this.#streams.set(type, stream);
    }
    return stream as Observable<SseMessage<M[K]>>;
  }

  /**
   * Default events (those without an `event:` field).
   *
   * @example
   * stream.messages().subscribe(({ data }) => append(data));
   */
  messages(): Observable<SseMessage<SseDefaultData<M>>> {
    return this.on('message' as keyof M & string) as Observable<SseMessage<SseDefaultData<M>>>;
  }

  /**
   * Completes this handle's subscribers. The connection closes, with no reconnect afterwards,
   * unless other handles still use it. A later subscribe opens it again.
   */
  close(): void {
    this.#connection.detach(() => this.#closed.next());
  }
}
