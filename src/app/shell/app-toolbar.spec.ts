import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatMenuHarness } from '@angular/material/menu/testing';
import { MatTooltipHarness } from '@angular/material/tooltip/testing';
import { Router } from '@angular/router';
import { SseTestingController } from 'ngx-sse/testing';

import { Session } from '../core/session';
import { AppToolbar } from './app-toolbar';
import { Theme } from './theme';
import { ConnectionStatusHarness } from './testing/connection-status-harness';
import { provideLiveTesting } from '../testing/live-testing';

describe('AppToolbar', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [...provideLiveTesting()],
    });
    http = TestBed.inject(HttpTestingController);
  });

  it('shows only the app name before login', async () => {
    const fixture = TestBed.createComponent(AppToolbar);
    await fixture.whenStable();
    const banner: HTMLElement = fixture.nativeElement.querySelector('[role="banner"]');
    expect(banner.querySelector('h1')?.textContent?.trim()).toBe('SSE Dashboard');
    expect(banner.querySelector('app-connection-status')).toBeNull();
    TestBed.inject(SseTestingController).expectNone('/api/events');
  });

  it('after login shows the live connection state and the unread count', async () => {
    TestBed.inject(Session).user.set('alice');
    const fixture = TestBed.createComponent(AppToolbar);
    const loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
    const sse = TestBed.inject(SseTestingController).expectConnection('/api/events');
    sse.open();
    const chip = await loader.getHarness(ConnectionStatusHarness);
    expect(await chip.getStatus()).toBe('open');

    for (const id of ['a', 'b']) {
      sse.emit('notification', { id, level: 'INFO', title: id, message: '', createdAt: '' }, id);
    }
    await fixture.whenStable();
    const link = await loader.getHarness(MatButtonHarness.with({ selector: '[routerLink]' }));
    expect(await (await link.host()).getAttribute('aria-label')).toBe('Notifications, 2 unread');
    expect(fixture.nativeElement.querySelector('.mat-badge-content').textContent.trim()).toBe('2');
    // The badge is on the link, not on an icon hidden from assistive technology.
    expect(fixture.nativeElement.querySelector('mat-icon.mat-badge')).toBeNull();
  });

  it('offers system, light and dark themes in the user menu and marks the one chosen', async () => {
    TestBed.inject(Session).user.set('alice');
    const fixture = TestBed.createComponent(AppToolbar);
    const loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
    TestBed.inject(SseTestingController).expectConnection('/api/events').open();

    const menu = await loader.getHarness(MatMenuHarness);
    await menu.open();
    const items = await menu.getItems();
    const texts = await Promise.all(items.map((item) => item.getText()));
    // Without the icons' ligatures: the leading theme icon, the trailing check mark.
    expect(texts.map((text) => text.replace(/^[a-z_]+ | check$/g, ''))).toEqual([
      'System theme',
      'Light theme',
      'Dark theme',
      'Log out',
    ]);
    const checked = await Promise.all(
      items.map(async (item) => (await item.host()).getAttribute('aria-checked')),
    );
    expect(checked).toEqual(['true', 'false', 'false', null]);
    // The check mark trails the chosen theme's label, past the item's middle.
    const item = await (await items[0].host()).getDimensions();
    const check = document.querySelector('.mat-mdc-menu-item .check')!.getBoundingClientRect();
    expect(check.left).toBeGreaterThan(item.left + item.width / 2);
    await menu.clickItem({ text: /Dark theme/ });
    expect(TestBed.inject(Theme).choice()).toBe('dark');
    await menu.open();
    const dark = await menu.getItems({ text: /Dark theme/ });
    expect(await (await dark[0].host()).getAttribute('aria-checked')).toBe('true');
    TestBed.inject(Theme).choose('system');
  });

  it('logs out from the user menu: ends the session, closes the stream, goes to /login', async () => {
    TestBed.inject(Session).user.set('alice');
    const navigate = spyOn(TestBed.inject(Router), 'navigate').and.resolveTo(true);
    const fixture = TestBed.createComponent(AppToolbar);
    const loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
    const sse = TestBed.inject(SseTestingController).expectConnection('/api/events');
    sse.open();

    const menu = await loader.getHarness(MatMenuHarness);
    await menu.open();
    await menu.clickItem({ text: /Log out/ });
    http
      .expectOne({ method: 'DELETE', url: '/api/session' })
      .flush(null, { status: 204, statusText: 'No Content' });
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();

    expect(TestBed.inject(Session).user()).toBeNull();
    expect(sse.cancelled).toBeTrue();
    expect(navigate).toHaveBeenCalledWith(['/login']);
  });

  it('cuts a long username in the toolbar, and shows it whole in its tooltip and the menu', async () => {
    const name = 'n'.repeat(64);
    TestBed.inject(Session).user.set(name);
    const fixture = TestBed.createComponent(AppToolbar);
    const loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
    TestBed.inject(SseTestingController).expectConnection('/api/events').open();

    const shown: HTMLElement = fixture.nativeElement.querySelector('.user-name');
    expect(shown.clientWidth).toBeLessThan(shown.scrollWidth);
    const tooltip = await loader.getHarness(MatTooltipHarness);
    await tooltip.show();
    expect(await tooltip.getTooltipText()).toBe(`Signed in as ${name}`);

    await (await loader.getHarness(MatMenuHarness)).open();
    const signedIn = document.querySelector<HTMLElement>('.signed-in')!;
    expect(signedIn.textContent?.trim()).toBe(`Signed in as ${name}`);
    // Wrapped inside the menu panel rather than cut at its edge.
    expect(signedIn.scrollWidth).toBeLessThanOrEqual(signedIn.clientWidth);
  });
});
