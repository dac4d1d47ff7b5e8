/** How many recent ids a tab remembers to recognise a replayed event. */
const REMEMBERED = 1024;

/**
 * Drops events a tab already delivered when a new leader's replay (from its own last id)
 * overlaps them. After a handover, events carrying an id this tab has seen are dropped until
 * the first one with a new id: exactly once for events with ids, at most once for events without
 * (they carry the id before them, so a replayed one looks seen).
 *
 * @example
 * const filter = new ReplayFilter();
 * filter.accept('7'); // true
 * filter.handover();
 * filter.accept('7'); // false: already delivered
 */
export class ReplayFilter {
  readonly #seen = new Set<string>();
  #last = '';
  #resyncing = false;

  /** A new leader took over: its replay may repeat what this tab has. */
  handover(): void {
    this.#resyncing = this.#seen.size > 0;
  }

  /**
   * Whether to deliver an event carrying `id` (its own or the last one before it). `late`: a
   * relay of a previous leader, arriving after the new one took over. Outside a handover and
   * such late relays every event is delivered, even one whose id comes back (a server may reuse
   * ids after a restart).
   */
  accept(id: string, late = false): boolean {
    const seen = id !== '' && this.#seen.has(id);
    if (this.#resyncing) {
      if (seen) return false;
      this.#resyncing = false;
    } else if (late && seen && id !== this.#last) {
      // A late relay of the previous leader, after the new one's replay passed it.
      return false;
    }
    this.#last = id;
    if (id !== '' && !seen) {
      this.#seen.add(id);
      if (this.#seen.size > REMEMBERED) this.#seen.delete(this.#seen.values().next().value!);
    }
    return true;
  }
}
