import { type ErrorHandler, NgZone } from '@angular/core';

import type { SseSchedule } from './batching';

/** A source of queued work, flushed inside the zone. */
export interface SseFlushable {
  flush(): void;
}

/**
 * Collects the connections that have work queued and flushes them together: one schedule call
 * and one zone re-entry per batch, however many connections and events it holds.
 */
export class SseBatcher {
  #pending: SseFlushable[] = [];
  readonly #zone: NgZone;
  readonly #schedule: SseSchedule;
  readonly #errors: ErrorHandler;
  // A real zone (not zoneless' NoopNgZone): each flush is then an application-wide change detection.
  readonly #zoned: boolean;
  readonly #flush = () => {
    const units = this.#pending;
    this.#pending = [];
    this.#zone.run(() => {
      for (const unit of units) this.#flushAlone(unit);
    });
  };

  constructor(zone: NgZone, schedule: SseSchedule, errors: ErrorHandler) {
    this.#zone = zone;
    this.#schedule = schedule;
    this.#errors = errors;
    this.#zoned = zone instanceof NgZone;
  }

  /** Asks for `unit.flush()` in the next batch; call it once per batch, when work first queues. */
  request(unit: SseFlushable): void {
    const schedule = this.#schedule;
    if (!schedule) {
      this.#zone.run(() => unit.flush());
    } else if (this.#pending.push(unit) === 1) {
      // Scheduled outside the zone, even when work queues inside it (a subscribe): on zone.js a
      // frame or timer task of the zone is a change detection of its own, before the flush's.
      this.#zone.runOutsideAngular(() => schedule(this.#flush, this.#zoned));
    }
  }

  /** What one unit throws goes to Angular's ErrorHandler; the units after it still flush. */
  #flushAlone(unit: SseFlushable): void {
    try {
      unit.flush();
    } catch (error) {
      this.#errors.handleError(error);
    }
  }
}
