/**
 * Hooks for `npm run bench:ui`, present only when the benchmark's init script defines
 * `window.__sseBench` before the app starts. In normal use this is undefined and costs nothing.
 */
export interface BenchHooks {
  /** Counts change-detection passes that rendered. */
  renders: number;
  /** Called with each metric event's send time, for event→DOM latency. */
  onMetric(at: number): void;
}

export const benchHooks: BenchHooks | undefined = (globalThis as { __sseBench?: BenchHooks })
  .__sseBench;
