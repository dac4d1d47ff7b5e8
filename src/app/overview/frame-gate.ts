/**
 * Runs `draw` once the current change detection is over (a microtask), so a canvas shows an
 * event in the same frame as the rest of the page; a second request within the frame waits for
 * the next one, so there is never more than one draw per frame.
 *
 * @example
 * const gate = new FrameGate(() => plot.setData(data));
 * gate.schedule(); // on every change; gate.cancel() on destroy
 */
export class FrameGate {
  /** The animation frame that ends the current frame's gate, or 0 when a draw may happen now. */
  private frame = 0;
  private queued = false;
  private dirty = false;

  constructor(private readonly draw: () => void) {}

  schedule(): void {
    if (typeof requestAnimationFrame === 'undefined') return;
    if (this.frame) {
      this.dirty = true;
      return;
    }
    if (this.queued) return;
    this.queued = true;
    queueMicrotask(() => {
      this.queued = false;
      this.drawAndGate();
    });
  }

  /** Drops a pending frame (the draw itself checks whether there is still something to draw). */
  cancel(): void {
    cancelAnimationFrame(this.frame);
  }

  private drawAndGate(): void {
    this.draw();
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      if (!this.dirty) return;
      this.dirty = false;
      this.drawAndGate();
    });
  }
}
