import type { ComponentFixture } from '@angular/core/testing';

/**
 * Lets a flushed HTTP reply travel through the component's `await`s (a few microtasks), then
 * waits for the render it triggers: `whenStable()` alone returns before the work is scheduled.
 */
export async function settle(fixture: ComponentFixture<unknown>): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve));
  await fixture.whenStable();
}
