// The naive baseline for `npm run bench:ui`: what many apps do without ngx-sse. An EventSource
// created inside the Angular zone whose handler calls `signal.set` for every event, so every
// event is its own zone turn and change detection. It renders the same kind of chart.
import {
  ChangeDetectionStrategy,
  Component,
  afterEveryRender,
  computed,
  provideZoneChangeDetection,
  signal,
} from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';

interface Metric {
  name: string;
  value: number;
  at: number;
}

const bench = (globalThis as { __sseBench?: { renders: number; onMetric(at: number): void } })
  .__sseBench;

@Component({
  selector: 'app-naive',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <svg viewBox="0 0 600 200" width="600" height="200" role="img" aria-label="Naive chart">
      <polyline fill="none" stroke="black" [attr.points]="points()" />
    </svg>
    <p [attr.data-latest-at]="latestAt()">{{ metrics().length }} points</p>
  `,
})
class NaiveChart {
  protected readonly metrics = signal<Metric[]>([]);
  protected readonly latestAt = computed(() => this.metrics().at(-1)?.at ?? 0);
  protected readonly points = computed(() => {
    const metrics = this.metrics();
    const max = Math.max(1, ...metrics.map((m) => m.value));
    return metrics.map((m, i) => `${(i * 600) / 300},${200 - (m.value / max) * 200}`).join(' ');
  });

  constructor() {
    const source = new EventSource('/api/events?topics=metrics', { withCredentials: true });
    source.addEventListener('metric', (event) => {
      const metric = JSON.parse((event as MessageEvent<string>).data) as Metric;
      bench?.onMetric(metric.at);
      this.metrics.set([...this.metrics().slice(-299), metric]);
    });
    if (bench) afterEveryRender(() => bench.renders++);
  }
}

bootstrapApplication(NaiveChart, { providers: [provideZoneChangeDetection()] }).catch((error) =>
  console.error(error),
);
