import type { SseRole } from './backend';
import type { SseReason } from './reason';
import type { SseError } from './sse-error';

/**
 * Where a stream's connection is.
 *
 * - `reconnecting.delayMs` is `null` while the browser's own `EventSource` retry is pending (it
 *   picks the delay itself); otherwise the library's backoff delay.
 * - `paused`: closed on purpose while the page is hidden (`pauseWhenHidden`); it resumes, from the
 *   last event id, when the page is visible again.
 * - `closed.error` is set when a failure closed it, and is what `on()` subscribers errored with.
 *
 * @example
 * ```html
 * @if (stream.state().status === 'reconnecting') { <span>Retrying…</span> }
 * ```
 */
export type SseState =
  | { readonly status: 'idle' }
  | { readonly status: 'connecting' }
  | { readonly status: 'open' }
  | { readonly status: 'paused' }
  | {
      readonly status: 'reconnecting';
      readonly attempt: number;
      readonly delayMs: number | null;
      readonly reason: SseReason;
      readonly error: SseError | null;
    }
  | { readonly status: 'closed'; readonly reason: SseReason; readonly error: SseError | null };

/**
 * One entry of the diagnostics timeline: a state and when it was entered (epoch ms).
 *
 * @example
 * stream.diagnostics().log.map(({ at, state }) => `${new Date(at).toISOString()} ${state.status}`);
 */
export interface SseTransition {
  /** When it happened (epoch ms, from the scheduler). */
  readonly at: number;
  /** The state the connection entered. */
  readonly state: SseState;
}

/**
 * Counters and timestamps of one connection, for status chips and timeline views. Committed once
 * per delivered batch, before the batch's events reach subscribers, so a subscriber reading it
 * sees counts that include the event it is handling.
 *
 * @example
 * const { eventsReceived, reconnects } = stream.diagnostics();
 */
export interface SseDiagnostics {
  /**
   * The last event id (`''` before any): the id a reconnect resumes from. A connection its
   * subscribers closed (`close()`, the last unsubscribe after `lingerMs`) keeps showing it, but the
   * next subscribe starts afresh from the stream's `lastEventId` option, as a new stream would;
   * a service that keeps one subscription, or `withLinger()`, resumes instead.
   */
  readonly lastEventId: string;
  /** When the connection last opened (epoch ms); `null` before it first did. */
  readonly connectedAt: number | null;
  /** When the last event arrived (epoch ms); `null` before the first. */
  readonly lastEventAt: number | null;
  /** Events received on this connection, of every name, since it was created. */
  readonly eventsReceived: number;
  /** Connection attempts after the first one of each start (retries, resumes, `reconnect()`). */
  readonly reconnects: number;
  /** Payloads a deserializer refused, counted once per event whatever the handles. */
  readonly parseErrors: number;
  /** The latest failure or parse error; `null` before any. */
  readonly lastError: SseError | null;
  /** Whether this tab holds the connection or follows another tab's (`withCrossTabSharing()`). */
  readonly role: SseRole;
  /** The most recent transitions, oldest first, bounded by `withDiagnosticsLog`. */
  readonly log: readonly SseTransition[];
}

/**
 * One delivered event: its deserialized `data`, its name, its id and when it arrived.
 *
 * @example
 * stream.on('notification').subscribe(({ data, lastEventId }) => show(data, lastEventId));
 */
export interface SseMessage<T, K extends string = string> {
  /** The event name (`message` when the server sent none). */
  readonly type: K;
  /** The payload, as the handle's deserializer made it. */
  readonly data: T;
  /** The stream's last event id after this event (it may be an earlier event's). */
  readonly lastEventId: string;
  /** `Date.now()` when the event reached the client. */
  readonly receivedAt: number;
}

/**
 * Maps event names to payload types, so `on('name')` is type-checked.
 *
 * @example
 * interface AppEvents { notification: Notification; 'job-progress': JobProgress }
 */
export type SseEventMap = object;

/**
 * Any event of a map, as `events()` delivers it: a union narrowed by `type`.
 *
 * @example
 * stream.events().subscribe((m) => { if (m.type === 'notification') show(m.data.title); });
 */
export type SseAnyMessage<M extends SseEventMap> = {
  [K in keyof M & string]: SseMessage<M[K], K>;
}[keyof M & string];

/**
 * Turns an event's raw `data` into its payload; a throw becomes a `parse` error.
 *
 * @example
 * const dates: SseDeserializer = (data) => JSON.parse(data, (k, v) => (k === 'at' ? new Date(v) : v));
 */
export type SseDeserializer = (data: string, type: string) => unknown;
