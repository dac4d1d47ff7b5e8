import { type SseScheduler, clearTimer } from './scheduler';

/**
 * Calls `onIdle` when nothing was heard for `timeoutMs` (0: never). Each `touch()` only records
 * the time: the one timer re-arms itself for the rest of the window when it fires early, instead
 * of being reset per event.
 *
 * @example
 * const watchdog = new SseIdleWatchdog(scheduler, 45_000, () => reconnect());
 * const receivedAt = watchdog.touch(); // on every event, comment or open
 */
export class SseIdleWatchdog {
  #lastActivity = 0;
  #timer: unknown = null;
  readonly #scheduler: SseScheduler;
  readonly #timeoutMs: number;
  readonly #onIdle: () => void;

  constructor(scheduler: SseScheduler, timeoutMs: number, onIdle: () => void) {
    this.#scheduler = scheduler;
    this.#timeoutMs = timeoutMs;
    this.#onIdle = onIdle;
  }

  /** Marks activity now; returns the time, which callers reuse as the receive time. */
  touch(): number {
    const now = (this.#lastActivity = this.#scheduler.now());
    if (this.#timeoutMs && this.#timer === null) this.#arm(this.#timeoutMs);
    return now;
  }

  /** Cancels the pending check; the next `touch()` arms a new one. */
  stop(): void {
    this.#timer = clearTimer(this.#scheduler, this.#timer);
  }

  #arm(ms: number): void {
    this.#timer = this.#scheduler.setTimeout(() => {
      this.#timer = null;
      const idleFor = this.#scheduler.now() - this.#lastActivity;
      if (idleFor < this.#timeoutMs) this.#arm(this.#timeoutMs - idleFor);
      else this.#onIdle();
    }, ms);
  }
}
