import { HttpError } from './errors.ts';

/**
 * A sliding-window limit of `limit` hits per `windowMs` for each key (a user, a client
 * address). Keys whose window has passed are swept, so memory follows the recently active keys.
 *
 * @example
 * const logins = new RateLimiter(20, 60_000, 'too-many-logins');
 * logins.hit(request.ip); // throws a 429 HttpError with Retry-After past 20 a minute
 */
export class RateLimiter {
  private readonly hits = new Map<string, number[]>();
  private lastSweep = -Infinity;

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly code: string,
  ) {}

  /** Counts one hit for `key`, or throws 429 (with `Retry-After`) when the key is over its limit. */
  hit(key: string, now = Date.now()): void {
    this.sweep(now);
    const recent = (this.hits.get(key) ?? []).filter((at) => at > now - this.windowMs);
    if (recent.length >= this.limit) {
      this.hits.set(key, recent);
      const retryAfter = Math.max(1, Math.ceil((recent[0] + this.windowMs - now) / 1000));
      throw new HttpError(
        429,
        this.code,
        { limit: this.limit, windowMs: this.windowMs, retryAfterSeconds: retryAfter },
        { 'Retry-After': String(retryAfter) },
      );
    }
    recent.push(now);
    this.hits.set(key, recent);
  }

  /** How many keys are tracked (for tests of the sweep). */
  get size(): number {
    return this.hits.size;
  }

  private sweep(now: number): void {
    if (now - this.lastSweep < this.windowMs) return;
    this.lastSweep = now;
    for (const [key, times] of this.hits) {
      if (times[times.length - 1] <= now - this.windowMs) this.hits.delete(key);
    }
  }
}
