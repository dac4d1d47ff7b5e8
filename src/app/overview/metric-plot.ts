import uPlot from 'uplot';

import { FrameGate } from './frame-gate';

const HEIGHT = 240;
const NARROW_PX = 600;

/** The plot's size when its options are built; `narrow` on phones, where the axes slim down. */
export interface PlotSize {
  width: number;
  height: number;
  narrow: boolean;
}

/** Where a plot lives and what it draws, all read at draw time. */
export interface PlotSource {
  element: () => HTMLElement;
  /** The columns to draw now (called at most once per animation frame). */
  data: () => uPlot.AlignedData;
  /** Options for a new uPlot: on the first draw, and after `schedule(true)` or a narrow crossing. */
  options: (size: PlotSize) => uPlot.Options;
}

/**
 * The uPlot instance behind the metric chart: draws at most once per frame (FrameGate), builds
 * a new instance when the options change, follows the element's width, and ends with it.
 *
 * @example
 * const plot = new MetricPlot({ element: () => div, data: () => columns(), options });
 * plot.schedule(); // on new points; plot.schedule(true) when the series or theme change
 * plot.observe(); // once the element is laid out; plot.destroy() with the component
 */
export class MetricPlot {
  private plot: uPlot | null = null;
  private readonly gate = new FrameGate(() => this.draw());
  private narrow = false;
  private rebuild = true;
  private destroyed = false;
  private resize: ResizeObserver | null = null;

  constructor(private readonly source: PlotSource) {}

  /** Draws in the coming frame; `rebuild` when the options changed. */
  schedule(rebuild = false): void {
    this.rebuild ||= rebuild;
    this.gate.schedule();
  }

  /** Shows or hides series `index` (1-based, as uPlot counts: 0 is the time axis). */
  setSeries(index: number, show: boolean): void {
    this.plot?.setSeries(index, { show });
  }

  /** Follows the element's width from now on, and draws. */
  observe(): void {
    this.resize = new ResizeObserver(() => {
      // Crossing the narrow width changes the axes' sizes, which only a rebuild applies.
      if (this.narrow !== this.size().narrow) this.schedule(true);
      else this.plot?.setSize(this.size());
    });
    this.resize.observe(this.source.element());
    this.schedule();
  }

  destroy(): void {
    this.destroyed = true;
    this.gate.cancel();
    this.resize?.disconnect();
    this.plot?.destroy();
    this.plot = null;
  }

  private size(): PlotSize {
    const width = this.source.element().clientWidth;
    return { width, height: HEIGHT, narrow: width < NARROW_PX };
  }

  private draw(): void {
    if (this.destroyed) return;
    const element = this.source.element();
    if (!element.isConnected) return;
    const data = this.source.data();
    if (this.rebuild || !this.plot) {
      this.rebuild = false;
      this.plot?.destroy();
      const size = this.size();
      this.narrow = size.narrow;
      this.plot = new uPlot(this.source.options(size), data, element);
    } else {
      this.plot.setData(data);
    }
  }
}
