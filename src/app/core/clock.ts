import { Injectable, signal } from '@angular/core';

/** A coarse wall clock for countdowns and relative times, ticking four times a second. */
@Injectable({ providedIn: 'root' })
export class Clock {
  private readonly time = signal(Date.now());
  readonly now = this.time.asReadonly();

  constructor() {
    // Ticking inside a frame lets the render it causes share that frame's change detection
    // with any stream delivery, instead of adding a pass of its own.
    setInterval(() => requestAnimationFrame(() => this.time.set(Date.now())), 250);
  }
}
