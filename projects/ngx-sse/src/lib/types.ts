import type { SseError } from './sse-error';

/**
 * Where a stream's connection is.
 *
 * `reconnecting.delayMs` is `null` while the browser's own EventSource retry is pending (it
 * chooses the delay itself); otherwise it is the library's backoff delay.
 *
 * @example
 * @if (stream.state().status === 'reconnecting') { <span>Retrying…</span> }
 */
export type SseState =
  | { readonly status: 'idle' }
  | { readonly status: 'connecting' }
  | { readonly status: 'open' }
  | {
      readonly status: 'reconnecting';
      readonly attempt: number;
      readonly delayMs: number | null;
      readonly reason: string;
    }
  | { readonly status: 'closed'; readonly reason: string };

/** One entry of the diagnostics timeline: a state and when it was entered (epoch ms). */
export interface SseTransition {
  readonly at: number;
  readonly state: SseState;
}

/**
 * Counters and timestamps of one connection, for status chips and timeline views.
 *
 * @example
 * const { eventsReceived, reconnects } = stream.diagnostics();
 */
export interface SseDiagnostics {
  readonly lastEventId: string;
  readonly connectedAt: number | null;
  readonly lastEventAt: number | null;
  readonly eventsReceived: number;
  readonly reconnects: number;
  readonly parseErrors: number;
  readonly lastError: SseError | null;
  /** The most recent transitions, oldest first, bounded by `withDiagnosticsLog`. */
  readonly log: readonly SseTransition[];
}

/**
 * One delivered event: its deserialized `data`, its name, its id and when it arrived.
 *
 * @example
 * stream.on('notification').subscribe(({ data, lastEventId }) => show(data, lastEventId));
 */
export interface SseMessage<T> {
  readonly type: string;
  readonly data: T;
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

/** Turns an event's raw `data` into its payload; a throw becomes a `parse` error. */
export type SseDeserializer = (data: string, type: string) => unknown;
