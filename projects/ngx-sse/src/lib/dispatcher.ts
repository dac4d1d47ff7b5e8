import type { NgZone } from '@angular/core';

import type { SseConfig } from './config';

/** Runs work inside the Angular zone, batched according to the configured schedule. */
export type SseDispatch = (work: () => void) => void;

/**
 * Delivers work into the Angular zone in batches. Backends run outside the zone, so without this
 * a burst of N events would trigger N change detections under zone.js.
 */
export function createDispatch(zone: NgZone, schedule: SseConfig['batching']): SseDispatch {
  let queue: (() => void)[] = [];
  const flush = () => {
    const batch = queue;
    // A schedule may call flush twice (frame and timeout); the second finds nothing to do.
    if (!batch.length) return;
    queue = [];
    zone.run(() => batch.forEach((work) => work()));
  };
  return (work) => {
    if (!schedule) zone.run(work);
    else if (queue.push(work) === 1) schedule(flush);
  };
}
