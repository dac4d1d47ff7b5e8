import { type HttpError, overCap } from './errors.ts';
import type { LoadCaps } from './wire.ts';

/** What `POST /api/load` asks for. */
export interface LoadRequest {
  event: 'metric' | 'notification';
  count: number;
  ratePerSec: number;
  broadcast?: boolean;
}

/** Upper bounds of a load request: enough to stress a client, not to take the server down. */
export const LOAD_LIMITS = { count: 100_000, ratePerSec: 10_000 };

/**
 * The longest a run may last (`count / ratePerSec`): a slow, long run would hold one of the
 * capped slots for hours (100,000 events at 1/s is 28 h), refusing every other session's runs.
 */
export const MAX_LOAD_SECONDS = 600;

/** Timer granularity; higher rates send a small burst per tick instead of a timer per event. */
const MIN_TICK_MS = 10;

/** A generator in progress: whose session started it and when it is due to end. */
interface Run {
  session: string;
  endsAt: number;
}

/**
 * Runs load generators at a steady rate, within caps on how many run at once: per session and
 * in all. Each run is a timer emitting up to 10 000 events a second to every stream it reaches,
 * so the bounds on one request's count and rate alone would let a client that starts runs in a
 * loop take the server's whole CPU. A run's slot frees when it has sent its last event, when the
 * session that started it ends (logout, expiry: nobody is left to watch it), or on shutdown.
 *
 * @example
 * const loads = new LoadRunner(8, 4);
 * loads.start(session.token, 1000, 200, emit); // throws 429 or 503 too-many-loads over a cap
 */
export class LoadRunner {
  private readonly runs = new Map<NodeJS.Timeout, Run>();

  constructor(
    private readonly max: number,
    private readonly perSession: number,
  ) {}

  /**
   * Calls `emit(1..count)` spread evenly at `ratePerSec` on behalf of `session`; returns the
   * expected duration. Over a cap, throws `too-many-loads` instead and starts nothing: 429 over
   * the session's cap, 503 when the server runs as many as it takes (the server is busy, not
   * this client greedy, as for the stream caps). `Retry-After` is when the first run counted
   * against that cap is due to end.
   */
  start(session: string, count: number, ratePerSec: number, emit: (seq: number) => void): number {
    this.check(session);
    const etaMs = Math.round(((count - 1) * 1000) / ratePerSec);
    const tickMs = Math.max(MIN_TICK_MS, 1000 / ratePerSec);
    const startedAt = performance.now();
    let sent = 0;
    const timer = setInterval(() => {
      const elapsedMs = performance.now() - startedAt;
      const due = Math.min(count, Math.floor((elapsedMs * ratePerSec) / 1000) + 1);
      while (sent < due) emit(++sent);
      if (sent === count) this.stop(timer);
    }, tickMs);
    // The first event goes out a tick after the start, the last one `etaMs` after the first.
    this.runs.set(timer, { session, endsAt: Date.now() + tickMs + etaMs });
    return etaMs;
  }

  /** The caps and how many runs count against them, for `/api/health`. */
  stats(): LoadCaps {
    return { running: this.runs.size, max: this.max, perSession: this.perSession };
  }

  /** Stops the runs a session started (it ended); returns how many. */
  endSession(session: string): number {
    const own = [...this.runs].filter(([, run]) => run.session === session);
    for (const [timer] of own) this.stop(timer);
    return own.length;
  }

  /** Stops every running generator. */
  stopAll(): void {
    for (const timer of [...this.runs.keys()]) this.stop(timer);
  }

  private check(session: string): void {
    const own = [...this.runs.values()].filter((run) => run.session === session);
    if (own.length >= this.perSession) {
      throw tooManyLoads({ scope: 'session', limit: this.perSession }, own);
    }
    if (this.runs.size >= this.max) {
      throw tooManyLoads({ scope: 'global', limit: this.max }, [...this.runs.values()], 503);
    }
  }

  private stop(timer: NodeJS.Timeout): void {
    clearInterval(timer);
    this.runs.delete(timer);
  }
}

/** `too-many-loads` (see `overCap`), with `Retry-After` until the first of `runs` is due to end. */
function tooManyLoads(detail: object, runs: Run[], status: 429 | 503 = 429): HttpError {
  const firstEnd = Math.min(...runs.map((run) => run.endsAt));
  return overCap('too-many-loads', detail, firstEnd - Date.now(), status);
}
