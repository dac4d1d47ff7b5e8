/**
 * What every consumer hands each delivered event to; `t` is the server's send time in epoch ms
 * with sub-ms precision (0 in bursts).
 */
export interface BenchEvent {
  readonly i: number;
  readonly t: number;
}

/** The figures the page leaves on `window.__delivery` for `scripts/bench-delivery.ts` to read. */
export interface DeliveryFigures {
  expected: number;
  received: number;
  firstAt: number;
  lastAt: number;
  frames: number;
  changeDetections: number;
  /** Frames counted when the server was told to start (set by the script, not the page). */
  framesAtStart: number;
  changeDetectionsAtFirst: number;
  framesAtLast: number;
  changeDetectionsAtLast: number;
  latencies: number[];
  /** The longest main-thread task seen (PerformanceObserver `longtask`, so 0 if none over 50 ms). */
  longestTaskMs: number;
  error: string | null;
  done: Promise<void>;
}

/**
 * Counts deliveries and send→subscriber latency; resolves `done` on the last expected event or
 * on a failure, so the script awaits one promise instead of polling the page.
 *
 * @example
 * const sink = new Sink(100_000);
 * source.onmessage = (e) => sink.receive(JSON.parse(e.data));
 */
export class Sink {
  readonly figures: DeliveryFigures;
  #resolve!: () => void;

  // It writes no Angular state: change detections then come only from zone turns or from the
  // library's own signals, which is what the bench compares.
  constructor(expected: number) {
    this.figures = {
      expected,
      received: 0,
      firstAt: 0,
      lastAt: 0,
      frames: 0,
      changeDetections: 0,
      framesAtStart: 0,
      changeDetectionsAtFirst: 0,
      framesAtLast: 0,
      changeDetectionsAtLast: 0,
      latencies: [],
      longestTaskMs: 0,
      error: null,
      done: new Promise((resolve) => (this.#resolve = resolve)),
    };
  }

  receive(event: BenchEvent): void {
    const figures = this.figures;
    const now = performance.timeOrigin + performance.now();
    if (figures.received++ === 0) {
      figures.firstAt = now;
      figures.changeDetectionsAtFirst = figures.changeDetections;
    }
    if (event.t) figures.latencies.push(now - event.t);
    if (figures.received === figures.expected) {
      figures.lastAt = now;
      figures.framesAtLast = figures.frames;
      figures.changeDetectionsAtLast = figures.changeDetections;
      this.#resolve();
    }
  }

  /** Ends the run with a message the script prints instead of figures (e.g. "not available"). */
  fail(message: string): void {
    this.figures.error ??= message;
    this.#resolve();
  }
}
