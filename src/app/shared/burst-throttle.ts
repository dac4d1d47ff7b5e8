/** How long a burst is gathered before it is said as one. */
export const BURST_WINDOW_MS = 2000;

/**
 * Passes on the first item at once, then at most one batch per window with everything that
 * came meanwhile. Live regions and snack bars go through it: a screen reader reads each change
 * of a region, so a burst of a hundred events would otherwise be a hundred announcements.
 *
 * @example
 * const throttle = new BurstThrottle<string>((titles) => say(`${titles.length} new`));
 * throttle.push('a'); // says "1 new" now
 * throttle.push('b');
 * throttle.push('c'); // "2 new" once the window ends
 */
export class BurstThrottle<T> {
  private pending: T[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly flush: (batch: T[]) => void,
    private readonly windowMs = BURST_WINDOW_MS,
  ) {}

  push(item: T): void {
    this.pending.push(item);
    if (this.timer === null) this.release();
  }

  /** Drops what is waiting (on logout: nothing from the last session is said after it). */
  clear(): void {
    this.pending = [];
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private release(): void {
    if (!this.pending.length) {
      this.timer = null;
      return;
    }
    const batch = this.pending;
    this.pending = [];
    this.timer = setTimeout(() => this.release(), this.windowMs);
    this.flush(batch);
  }
}
