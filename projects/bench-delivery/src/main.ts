// The page of `npm run bench:delivery`: one consumer (`?consumer=`) reads `?stream=` and counts
// `?expected=` events. The `zone` build configuration adds zone.js as a polyfill (so async
// functions are downlevelled as in any CLI zone.js app); without it the page is zoneless.
import {
  ChangeDetectionStrategy,
  Component,
  afterEveryRender,
  provideZoneChangeDetection,
  provideZonelessChangeDetection,
  type Signal,
} from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';

import { consumers } from './consumers/registry';
import { Sink } from './sink';

const params = new URLSearchParams(location.search);
const setup = consumers[params.get('consumer') ?? ''];
const sink = new Sink(Number(params.get('expected')));
(window as unknown as { __delivery: unknown }).__delivery = sink.figures;

// Started before bootstrap, so on zone.js pages the frame loop stays in the root zone and never
// triggers change detection itself.
const frame = () => {
  sink.figures.frames++;
  requestAnimationFrame(frame);
};
requestAnimationFrame(frame);
// One observer for the page (one per frame would pile up and tax every consumer's tasks).
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    sink.figures.longestTaskMs = Math.max(sink.figures.longestTaskMs, entry.duration);
  }
}).observe({ type: 'longtask' });

@Component({
  selector: 'app-delivery',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<p>Delivery benchmark page {{ shown?.() }}</p>`,
})
class DeliveryPage {
  protected readonly shown: Signal<unknown> | undefined;

  constructor() {
    // Runs after every ApplicationRef tick that ran change detection: one per CD pass.
    afterEveryRender(() => sink.figures.changeDetections++);
    if (!setup) sink.fail(`unknown consumer ${params.get('consumer')}`);
    this.shown = setup?.start(params.get('stream') ?? '', sink) ?? undefined;
  }
}

bootstrapApplication(DeliveryPage, {
  providers: [
    (globalThis as { Zone?: unknown }).Zone === undefined
      ? provideZonelessChangeDetection()
      : provideZoneChangeDetection(),
    ...(setup?.providers ?? []),
  ],
}).catch((error: unknown) => sink.fail(String(error)));
