import type { BreakpointObserver } from '@angular/cdk/layout';

/** Row height in px; fixed so the viewport can place thousands of rows without measuring them. */
const ROW_PX = 28;
/** On a touch screen a row is a 44 px tap target, the least a finger hits reliably. */
const TOUCH_ROW_PX = 44;
/** A finger rather than a mouse is the main pointer. */
export const TOUCH_QUERY = '(pointer: coarse)';

/**
 * The event log's row height on this device, in px.
 *
 * @example
 * readonly rowPx = logRowPx(inject(BreakpointObserver)); // 44 on a phone, 28 with a mouse
 */
export function logRowPx(breakpoints: BreakpointObserver): number {
  return breakpoints.isMatched(TOUCH_QUERY) ? TOUCH_ROW_PX : ROW_PX;
}
