import type { SseRole } from './backend';
import type { SseError } from './sse-error';
import type { SseDiagnostics, SseState, SseTransition } from './types';

/**
 * The counters behind one connection's `diagnostics`: kept exact as items arrive, published as
 * one snapshot per batch (`take()` returns `null` when nothing changed since the last one).
 *
 * @example
 * tally.event('42', Date.now());
 * const diagnostics = tally.take(); // a snapshot, or null if unchanged
 */
export class SseDiagnosticsTally {
  #lastEventId = '';
  #connectedAt: number | null = null;
  #lastEventAt: number | null = null;
  #eventsReceived = 0;
  #reconnects = 0;
  #parseErrors = 0;
  #lastError: SseError | null = null;
  #log: SseTransition[] = [];
  #role: SseRole = 'solo';
  #dirty = false;
  readonly #logSize: number;

  // The request's own resume id: what the first attempt, and one after a restart, resumes from.
  readonly #initialLastEventId: string;

  constructor(logSize: number, initialLastEventId: string) {
    this.#logSize = logSize;
    this.#initialLastEventId = this.#lastEventId = initialLastEventId;
  }

  /** A server event with id `id`, received at `at`. */
  event(id: string, at: number): void {
    this.#lastEventId = id;
    this.#lastEventAt = at;
    this.#eventsReceived++;
    this.#dirty = true;
  }

  /** A resume id without an event (an `id:`-only frame). */
  resume(id: string): void {
    this.#lastEventId = id;
    this.#dirty = true;
  }

  role(role: SseRole): void {
    this.#role = role;
    this.#dirty = true;
  }

  /** A transition at `at`, with the machine's reconnect count then; returns its error, if any. */
  transition(state: SseState, at: number, reconnects: number): SseError | null {
    this.#reconnects = reconnects;
    if (state.status === 'open') this.#connectedAt = at;
    // Only `reconnecting` and `closed` carry an error (or `null`); the others read `undefined`.
    const error = (state as { error?: SseError | null }).error ?? null;
    if (error) this.#lastError = error;
    this.#log.push({ at, state });
    const size = this.#logSize;
    // `slice(-0)` would keep everything: a size of 0 keeps nothing.
    if (this.#log.length > size) this.#log = size ? this.#log.slice(-size) : [];
    this.#dirty = true;
    return error;
  }

  parseError(error: SseError): void {
    this.#parseErrors++;
    this.#lastError = error;
    this.#dirty = true;
  }

  /** Starts over, as a new connection would: no counters or log from before. */
  reset(): void {
    this.#lastEventId = this.#initialLastEventId;
    this.#connectedAt = null;
    this.#lastEventAt = null;
    this.#eventsReceived = 0;
    this.#reconnects = 0;
    this.#parseErrors = 0;
    this.#lastError = null;
    this.#log = [];
    this.#role = 'solo';
    this.#dirty = true;
  }

  /** The snapshot to publish, or `null` when nothing changed since the last one taken. */
  take(): SseDiagnostics | null {
    if (!this.#dirty) return null;
    this.#dirty = false;
    return this.snapshot();
  }

  snapshot(): SseDiagnostics {
    return {
      lastEventId: this.#lastEventId,
      connectedAt: this.#connectedAt,
      lastEventAt: this.#lastEventAt,
      eventsReceived: this.#eventsReceived,
      reconnects: this.#reconnects,
      parseErrors: this.#parseErrors,
      lastError: this.#lastError,
      role: this.#role,
      log: this.#log.slice(),
    };
  }
}
