import type { NgZone } from '@angular/core';

import type { SseBatching } from './config';

/**
 * Delivers work into the Angular zone in batches. Backends run outside the zone, so without this
 * a burst of N events would trigger N change detections under zone.js.
 */
export class SseDispatcher {
  private queue: (() => void)[] = [];

  constructor(
    private readonly zone: NgZone,
    private readonly mode: SseBatching,
  ) {}

  dispatch(work: () => void): void {
    if (this.mode === 'sync') {
      this.zone.run(work);
      return;
    }
    if (this.queue.push(work) > 1) return;
    if (this.mode === 'microtask') {
      queueMicrotask(this.flush);
    } else {
      // rAF pauses in hidden tabs; the timeout bounds how long events can wait there.
      requestAnimationFrame(this.flush);
      setTimeout(this.flush, 100);
    }
  }

  private readonly flush = () => {
    const batch = this.queue;
    if (!batch.length) return;
    this.queue = [];
    this.zone.run(() => batch.forEach((work) => work()));
  };
}
