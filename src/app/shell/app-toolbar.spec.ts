import { TestBed } from '@angular/core/testing';

import { AppToolbar } from './app-toolbar';

describe('AppToolbar', () => {
  it('shows the app name in a banner landmark', async () => {
    const fixture = TestBed.createComponent(AppToolbar);
    await fixture.whenStable();
    const banner: HTMLElement = fixture.nativeElement.querySelector('[role="banner"]');
    expect(banner.querySelector('h1')?.textContent?.trim()).toBe('SSE Dashboard');
  });
});
