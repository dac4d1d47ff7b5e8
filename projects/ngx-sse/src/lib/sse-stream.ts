import type { Signal } from '@angular/core';
import type { Observable } from 'rxjs';

import type { SseError } from './sse-error';
import type { SseAnyMessage, SseDiagnostics, SseEventMap, SseMessage, SseState } from './types';

/**
 * The payload type of default (`message`) events in an event map.
 *
 * @example
 * type Text = SseDefaultData<{ message: string }>; // string
 */
export type SseDefaultData<M> = M extends { message: infer T } ? T : unknown;

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
  /**
   * The connection's state, as a Signal. It belongs to the shared connection: a handle you
   * `close()` while another handle holds the connection keeps reading `open`.
   */
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
