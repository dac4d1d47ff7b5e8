import { computed, signal } from '@angular/core';

import { errorMessage } from './api';

/**
 * Whether a store's last load from the REST API failed, and why: a failed load must not look
 * like an empty list. Pages show `error` with a Retry.
 *
 * @example
 * private readonly loading = new LoadState();
 * refresh = () => this.loading.run(() => this.fetchList());
 */
export class LoadState {
  /** The readable reason of the last failed load; null once a load succeeds. */
  readonly error = signal<string | null>(null);
  // Loads under way: they overlap (the sign-in load and a gap reload), so the first to finish
  // must not say that none is.
  readonly #running = signal(0);
  /** A load is under way: an empty list then means "not yet", not "none". */
  readonly pending = computed(() => this.#running() > 0);

  /** Runs `load`, recording its outcome; rejects as `load` did, for callers that react. */
  async run(load: () => Promise<void>): Promise<void> {
    this.#running.update((n) => n + 1);
    try {
      await load();
      this.error.set(null);
    } catch (error) {
      this.error.set(errorMessage(error));
      throw error;
    } finally {
      this.#running.update((n) => Math.max(0, n - 1));
    }
  }

  /** Forgets a failure and the loads under way (on logout). */
  clear(): void {
    this.error.set(null);
    this.#running.set(0);
  }
}
