import type { NgZone } from '@angular/core';

import type { SseConfig } from './config';

/**
 * Delivers work into the Angular zone in batches. Backends run outside the zone, so without this
 * a burst of N events would trigger N change detections under zone.js.
 */
export class SseDispatcher {
  #queue: (() => void)[] = [];
  readonly #zone: NgZone;
  readonly #schedule: SseConfig['batching'];

  constructor(zone: NgZone, schedule: SseConfig['batching']) {
    this.#zone = zone;
    this.#schedule = schedule;
  }

  dispatch(work: () => void): void {
    if (!this.#schedule) this.#zone.run(work);
    else if (this.#queue.push(work) === 1) this.#schedule(this.#flush);
  }

  readonly #flush = () => {
    const batch = this.#queue;
    if (!batch.length) return;
    this.#queue = [];
    this.#zone.run(() => batch.forEach((work) => work()));
  };
}
