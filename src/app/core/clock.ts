import { Injectable, signal } from '@angular/core';

/** A coarse wall clock for countdowns and relative times, ticking four times a second. */
@Injectable({ providedIn: 'root' })
export class Clock {
  private readonly time = signal(Date.now());
  readonly now = this.time.asReadonly();

  constructor() {
    setInterval(() => this.time.set(Date.now()), 250);
  }
}
