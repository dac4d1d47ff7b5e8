import type { SseScheduler } from 'ngx-sse';

interface Timer {
  readonly id: number;
  readonly at: number;
  readonly callback: () => void;
}

/**
 * A manual clock for backoff, linger and heartbeat timers, with a fixed "random" for jitter.
 *
 * @example
 * const scheduler = new FakeSseScheduler();
 * TestBed.configureTestingModule({
 *   providers: [provideSseTesting(), { provide: SSE_SCHEDULER, useValue: scheduler }],
 * });
 * connection.fail();
 * scheduler.tick(1000); // the reconnect fires
 */
export class FakeSseScheduler implements SseScheduler {
  private time = 0;
  private timers: Timer[] = [];
  private nextId = 1;

  /** What `random()` returns: 1 makes every backoff delay its full ceiling. */
  randomValue = 1;

  /** The manual clock's time. */
  now(): number {
    return this.time;
  }

  /** Always `randomValue`. */
  random(): number {
    return this.randomValue;
  }

  /** Registers a timer that fires when `tick()` reaches it. */
  setTimeout(callback: () => void, ms: number): unknown {
    const timer = { id: this.nextId++, at: this.time + Math.max(0, ms), callback };
    this.timers.push(timer);
    return timer.id;
  }

  /** Cancels a pending timer. */
  clearTimeout(handle: unknown): void {
    this.timers = this.timers.filter((timer) => timer.id !== handle);
  }

  /** Delays of the timers still pending, in ms from now, soonest first. */
  pending(): number[] {
    return this.timers.map((timer) => timer.at - this.time).sort((a, b) => a - b);
  }

  /** Advances time by `ms`, firing due timers in order (including ones they schedule). */
  tick(ms: number): void {
    if (!(ms >= 0)) {
      throw new RangeError(`ngx-sse/testing: tick(${ms}): time only moves forward`);
    }
    const end = this.time + ms;
    for (let next = this.due(end); next; next = this.due(end)) {
      this.time = next.at;
      this.timers = this.timers.filter((timer) => timer !== next);
      next.callback();
    }
    this.time = end;
  }

  private due(end: number): Timer | undefined {
    return this.timers
      .filter((timer) => timer.at <= end)
      .reduce<Timer | undefined>(
        (soonest, timer) => (!soonest || timer.at < soonest.at ? timer : soonest),
        undefined,
      );
  }
}
