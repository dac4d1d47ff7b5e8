/** What `POST /api/load` asks for. */
export interface LoadRequest {
  event: 'metric' | 'notification';
  count: number;
  ratePerSec: number;
  broadcast?: boolean;
}

/** Upper bounds of a load request: enough to stress a client, not to take the server down. */
export const LOAD_LIMITS = { count: 100_000, ratePerSec: 10_000 };

/** Timer granularity; higher rates send a small burst per tick instead of a timer per event. */
const MIN_TICK_MS = 10;

/** Runs load generators at a steady rate and stops them all on shutdown. */
export class LoadRunner {
  private readonly timers = new Set<NodeJS.Timeout>();

  /** Calls `emit(1..count)` spread evenly at `ratePerSec`; returns the expected duration. */
  start(count: number, ratePerSec: number, emit: (seq: number) => void): number {
    const startedAt = performance.now();
    let sent = 0;
    const timer = setInterval(
      () => {
        const elapsedMs = performance.now() - startedAt;
        const due = Math.min(count, Math.floor((elapsedMs * ratePerSec) / 1000) + 1);
        while (sent < due) emit(++sent);
        if (sent === count) this.stop(timer);
      },
      Math.max(MIN_TICK_MS, 1000 / ratePerSec),
    );
    this.timers.add(timer);
    return Math.round(((count - 1) * 1000) / ratePerSec);
  }

  /** Stops every running generator. */
  stopAll(): void {
    for (const timer of this.timers) this.stop(timer);
  }

  private stop(timer: NodeJS.Timeout): void {
    clearInterval(timer);
    this.timers.delete(timer);
  }
}
