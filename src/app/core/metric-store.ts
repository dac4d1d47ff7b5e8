import { Injectable, computed, inject, signal } from '@angular/core';
import { sseResource } from 'ngx-sse';

import type { AppEvents } from './api';

import { benchHooks } from './bench-hooks';
import { Clock } from './clock';
import { LiveStream } from './live-stream';
import { lastValue } from './resource-value';

export interface MetricPoint {
  at: number;
  value: number;
}

/** The chart's window. */
export const WINDOW_MS = 60_000;

/**
 * The `metric` series over the last minute. Points go into mutable arrays and the resource's
 * counter changes once per delivered batch, so a burst of 1,000 events/s costs no array copies;
 * readers recompute once per change detection.
 */
@Injectable({ providedIn: 'root' })
export class MetricStore {
  private readonly clock = inject(Clock);
  private readonly points = new Map<string, MetricPoint[]>();
  private readonly live = inject(LiveStream);
  /** Counts metric events; the points themselves go into the mutable arrays above. */
  private readonly metrics = sseResource<AppEvents, 'metric', number>(() => this.live.request(), {
    event: 'metric',
    reduce: (count, { data }) => {
      let points = this.points.get(data.name);
      if (!points) this.points.set(data.name, (points = []));
      points.push({ at: data.at, value: data.value });
      benchHooks?.onMetric(data.at);
      return count + 1;
    },
    initialValue: 0,
  });
  private readonly revision = lastValue(this.metrics, 0);

  /** Every series, trimmed to the window, by name. */
  readonly series = computed(() => {
    this.revision();
    const since = this.clock.now() - WINDOW_MS;
    for (const points of this.points.values()) {
      const firstKept = points.findIndex((point) => point.at >= since);
      points.splice(0, firstKept === -1 ? points.length : firstKept);
    }
    return new Map([...this.points].map(([name, points]) => [name, [...points]]));
  });

  private readonly rate = signal(0);
  /** Events of any name received in the last full second. */
  readonly eventsPerSecond = this.rate.asReadonly();

  constructor() {
    let counted = 0;
    setInterval(() => {
      const received = this.live.diagnostics()?.eventsReceived ?? 0;
      const rate = Math.max(0, received - counted);
      counted = received;
      // Set inside a frame, like the clock, so it shares that frame's change detection.
      requestAnimationFrame(() => this.rate.set(rate));
    }, 1000);
  }
}
