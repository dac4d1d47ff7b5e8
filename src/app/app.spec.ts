import { BreakpointObserver, type BreakpointState } from '@angular/cdk/layout';
import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { Component } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatSidenav } from '@angular/material/sidenav';
import { MatSidenavHarness } from '@angular/material/sidenav/testing';
import { By } from '@angular/platform-browser';
import { Router, provideRouter } from '@angular/router';
import { SseTestingController } from 'ngx-sse/testing';
import { BehaviorSubject, map } from 'rxjs';

import { App, COMPACT_QUERY } from './app';
import { Session } from './core/session';
import { provideLiveTesting } from './testing/live-testing';

@Component({ template: '<h2>Page</h2><button type="button">act</button>' })
class Page {}

describe('App shell', () => {
  const compact = new BehaviorSubject(false);
  let fixture: ComponentFixture<App>;
  let loader: HarnessLoader;

  beforeEach(async () => {
    compact.next(false);
    TestBed.configureTestingModule({
      providers: [
        ...provideLiveTesting(),
        provideRouter([{ path: '**', component: Page }]),
        {
          provide: BreakpointObserver,
          useValue: {
            observe: (query: string) =>
              compact.pipe(
                map((matches): BreakpointState => ({
                  matches: query === COMPACT_QUERY && matches,
                  breakpoints: {},
                })),
              ),
          },
        },
      ],
    });
    TestBed.inject(Session).user.set('alice');
    fixture = TestBed.createComponent(App);
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
    TestBed.inject(SseTestingController).expectConnection('/api/events').open();
  });

  const menuButton = () =>
    loader.getAllHarnesses(MatButtonHarness.with({ selector: '[aria-label="Navigation"]' }));

  it('shows the navigation beside the page on a wide screen, without a menu button', async () => {
    const nav = await loader.getHarness(MatSidenavHarness);
    expect(await nav.getMode()).toBe('side');
    expect(await nav.isOpen()).toBeTrue();
    expect(await menuButton()).toEqual([]);
  });

  it('on a small screen makes it a drawer that the menu button opens and closes', async () => {
    compact.next(true);
    const nav = await loader.getHarness(MatSidenavHarness);
    expect(await nav.getMode()).toBe('over');
    expect(await nav.isOpen()).toBeFalse();

    const [button] = await menuButton();
    expect(await (await button.host()).getAttribute('aria-expanded')).toBe('false');
    await button.click();
    expect(await nav.isOpen()).toBeTrue();
    expect(await (await button.host()).getAttribute('aria-expanded')).toBe('true');
    await button.click();
    expect(await nav.isOpen()).toBeFalse();
  });

  it('closes the drawer when a page is chosen', async () => {
    compact.next(true);
    const nav = await loader.getHarness(MatSidenavHarness);
    await (await menuButton())[0].click();
    expect(await nav.isOpen()).toBeTrue();
    // The drawer reacts to the navigation that choosing a link starts.
    expect(await TestBed.inject(Router).navigateByUrl('/jobs')).toBeTrue();
    await fixture.whenStable();
    expect(await nav.isOpen()).toBeFalse();
    // The drawer reports the open when its animation ends, maybe after the navigation: no reopen.
    fixture.debugElement.query(By.directive(MatSidenav)).componentInstance.openedChange.emit(true);
    await fixture.whenStable();
    expect(await nav.isOpen()).toBeFalse();
  });

  it('closes the drawer when the page already open is chosen, which starts no navigation', async () => {
    compact.next(true);
    await TestBed.inject(Router).navigateByUrl('/jobs');
    const nav = await loader.getHarness(MatSidenavHarness);
    await (await menuButton())[0].click();
    expect(await nav.isOpen()).toBeTrue();
    const current: HTMLElement = fixture.nativeElement.querySelector('a[aria-current="page"]');
    expect(current.textContent).toContain('Jobs');
    current.click();
    await fixture.whenStable();
    expect(await nav.isOpen()).toBeFalse();
  });

  it('lists the assistant in the navigation', () => {
    const links = [
      ...fixture.nativeElement.querySelectorAll('mat-sidenav a [matListItemTitle]'),
    ].map((a: Element) => a.textContent?.trim());
    expect(links).toEqual(['Overview', 'Notifications', 'Jobs', 'Assistant', 'Diagnostics']);
  });

  it("moves focus to the new page's heading after a navigation, not on the first load", async () => {
    const router = TestBed.inject(Router);
    await router.navigateByUrl('/');
    await fixture.whenStable();
    expect(document.activeElement?.tagName).not.toBe('H2');

    await router.navigateByUrl('/jobs');
    await fixture.whenStable();
    const heading = fixture.nativeElement.querySelector('main h2');
    expect(document.activeElement).toBe(heading);
    // Focusable by script, not a Tab stop.
    expect(heading.tabIndex).toBe(-1);
  });
});
