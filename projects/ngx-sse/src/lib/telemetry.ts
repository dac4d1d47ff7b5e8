import { Subject } from 'rxjs';

import type { SseRole } from './backend';
import type { SseError } from './sse-error';
import { Store } from './store';
import type { SseDiagnostics, SseState, SseTransition } from './types';

/**
 * The published view of one connection: its state, diagnostics and failures. It owns the event
 * counters; the reconnect machine owns `reconnects` and hands it over with each transition.
 * Changes accumulate in plain fields and are committed in one write per batch.
 */
export class SseTelemetry {
  readonly state = new Store<SseState>({ status: 'idle' });
  readonly diagnostics: Store<SseDiagnostics>;
  /** Connection failures (not parse errors, which go to the handle that saw them). */
  readonly failures = new Subject<SseError>();

  #lastEventId = '';
  #connectedAt: number | null = null;
  #lastEventAt: number | null = null;
  #eventsReceived = 0;
  #reconnects = 0;
  #parseErrors = 0;
  #lastError: SseError | null = null;
  #log: SseTransition[] = [];
  #role: SseRole = 'solo';
  #nextState: SseState | null = null;
  #dirty = false;
  readonly #logSize: number;

  constructor(logSize: number) {
    this.#logSize = logSize;
    this.diagnostics = new Store(this.#snapshot());
  }

  /** Counts one event. */
  event(lastEventId: string, receivedAt: number): void {
    this.#lastEventId = lastEventId;
    this.#lastEventAt = receivedAt;
    this.#eventsReceived++;
    this.#dirty = true;
  }

  /** Records a transition, with the machine's reconnect count at that moment. */
  transition(state: SseState, at: number, reconnects: number): void {
    this.#nextState = state;
    this.#reconnects = reconnects;
    if (state.status === 'open') this.#connectedAt = at;
    if ((state.status === 'reconnecting' || state.status === 'closed') && state.error) {
      this.#lastError = state.error;
    }
    this.#log.push({ at, state });
    if (this.#log.length > this.#logSize) this.#log = this.#log.slice(-this.#logSize);
    this.#dirty = true;
  }

  /** Records which tab holds the connection. */
  role(role: SseRole): void {
    this.#role = role;
    this.#dirty = true;
  }

  /** Counts a payload that could not be deserialized. */
  parseError(error: SseError): void {
    this.#parseErrors++;
    this.#lastError = error;
    this.#dirty = true;
  }

  /** Publishes what changed since the last commit: at most one write per store. */
  commit(): void {
    if (!this.#dirty) return;
    this.#dirty = false;
    this.diagnostics.set(this.#snapshot());
    const next = this.#nextState;
    if (next) {
      this.#nextState = null;
      this.state.set(next);
    }
  }

  #snapshot(): SseDiagnostics {
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
