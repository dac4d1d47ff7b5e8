import type { Hub } from './hub.ts';

/** A few plausible series, each a bounded random walk. */
const SERIES = [
  { name: 'cpu', value: 35, min: 0, max: 100, step: 8 },
  { name: 'memory', value: 512, min: 128, max: 2048, step: 40 },
  { name: 'rps', value: 120, min: 0, max: 1000, step: 30 },
];

/**
 * Broadcasts one `metric` event every `intervalMs`, cycling through the series, so every
 * user sees a steady background flow (2/s at the 500 ms default). Returns a stop function.
 */
export function startMetricSeries(hub: Hub, intervalMs: number): () => void {
  if (intervalMs <= 0) return () => undefined;
  const series = SERIES.map((s) => ({ ...s }));
  let next = 0;
  const timer = setInterval(() => {
    const s = series[next++ % series.length];
    const walked = s.value + (Math.random() * 2 - 1) * s.step;
    s.value = Math.round(Math.min(s.max, Math.max(s.min, walked)) * 10) / 10;
    hub.publish(null, 'metric', { name: s.name, value: s.value, at: Date.now() });
  }, intervalMs);
  return () => clearInterval(timer);
}
