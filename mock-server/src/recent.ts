/** How many notifications `GET /api/notifications` keeps per user. */
export const NOTIFICATIONS_KEPT = 500;

/**
 * The latest `capacity` items, newest first on read: what `GET /api/notifications` lists.
 *
 * @example
 * const recent = new Recent<number>(2);
 * [1, 2, 3].forEach((n) => recent.add(n));
 * recent.newestFirst(); // [3, 2]
 */
export class Recent<T> {
  private readonly items: T[] = [];

  constructor(private readonly capacity: number) {}

  /** Adds an item, forgetting the oldest beyond the capacity. */
  add(item: T): void {
    this.items.push(item);
    if (this.items.length > this.capacity) this.items.shift();
  }

  /** A copy, newest first. */
  newestFirst(): T[] {
    return [...this.items].reverse();
  }
}
