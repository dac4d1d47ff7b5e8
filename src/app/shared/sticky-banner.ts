import {
  DOCUMENT,
  DestroyRef,
  Directive,
  ElementRef,
  afterNextRender,
  inject,
} from '@angular/core';

/** The CSS variable that holds the height of the sticky banner on screen (unset without one). */
const HEIGHT = '--app-banner-height';

/**
 * Tells the page how tall the sticky banner (`.app-banner`) is, as `--app-banner-height` on the
 * root element, for as long as it is on screen: the scroll container keeps that much padding at
 * its top (`scroll-padding-top`), so a control reached by Tab or focused by script is scrolled
 * into view below the banner instead of under it (WCAG 2.4.11).
 *
 * @example
 * <div class="app-banner" appStickyBanner role="region">…</div>
 */
@Directive({ selector: '[appStickyBanner]' })
export class StickyBanner {
  constructor() {
    const root = inject(DOCUMENT).documentElement;
    const host: HTMLElement = inject(ElementRef).nativeElement;
    let observer: ResizeObserver | undefined;
    // Browser only (afterNextRender): the server has no layout to measure.
    afterNextRender(() => {
      observer = new ResizeObserver(() => {
        const margin = parseFloat(getComputedStyle(host).marginBottom) || 0;
        root.style.setProperty(HEIGHT, `${host.offsetHeight + margin}px`);
      });
      observer.observe(host);
    });
    inject(DestroyRef).onDestroy(() => {
      observer?.disconnect();
      root.style.removeProperty(HEIGHT);
    });
  }
}
