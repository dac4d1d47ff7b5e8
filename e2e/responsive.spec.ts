import { type Page } from '@playwright/test';

import { chip, expect, pinJitter, signIn, test } from './fixtures';

const VIEWPORTS = [
  // WCAG 1.4.10 (reflow): 320 CSS px wide.
  { width: 320, height: 640 },
  // 200 % browser zoom of a 1280×800 window: the page then lays out in a 640×400 CSS px
  // viewport, media queries and BreakpointObserver included. A device scale factor only changes
  // pixel density, and CSS `zoom` on the body leaves the viewport (and the breakpoints) as they were.
  { width: 640, height: 400 },
  { width: 360, height: 740 },
  { width: 390, height: 844 },
  { width: 768, height: 1024 },
  { width: 1440, height: 900 },
  { width: 1920, height: 1080 },
];
const ROUTES = ['/', '/notifications', '/jobs', '/assistant', '/diagnostics'];

/** Page width beyond the viewport, in px: 0 when nothing overflows horizontally. */
const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

for (const viewport of VIEWPORTS) {
  test(`no horizontal overflow on any page at ${viewport.width}×${viewport.height}`, async ({
    page,
    user,
  }) => {
    await page.setViewportSize(viewport);
    await page.goto('/login');
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
    expect(await overflow(page), 'login').toBeLessThanOrEqual(0);
    await signIn(page, user);
    for (const route of ROUTES) {
      await page.goto(route);
      await expect(page.locator('main h2')).toBeVisible();
      // The chart and the cards settle after the first data: the stream open, then two frames.
      await expect(chip(page, 'open')).toBeVisible();
      await page.evaluate(
        () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
      );
      expect(await overflow(page), route).toBeLessThanOrEqual(0);
    }
  });
}

test('at 390 px the menu button opens and closes the navigation', async ({ page, user }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, user);
  const menu = page.getByRole('button', { name: 'Navigation' });
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(nav).toBeHidden();

  await menu.click();
  await expect(nav).toBeVisible();
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  // Modal: the backdrop (or Escape) closes it, and so does choosing a page.
  await page.keyboard.press('Escape');
  await expect(nav).toBeHidden();
  await expect(menu).toHaveAttribute('aria-expanded', 'false');

  await menu.click();
  await nav.getByRole('link', { name: 'Jobs' }).click();
  await expect(page).toHaveURL(/\/jobs$/);
  await expect(nav).toBeHidden();

  // The page already open starts no navigation; choosing it closes the drawer all the same.
  await menu.click();
  await nav.getByRole('link', { name: 'Jobs' }).click();
  await expect(nav).toBeHidden();

  await menu.click();
  await expect(nav).toBeVisible();
  await menu.click();
  await expect(nav).toBeHidden();
});

/** At 390 px on Diagnostics, the stream stopped by a 204 and the page scrolled to its raw log. */
async function stoppedAndScrolledDown(page: Page, user: string): Promise<void> {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, user);
  await page.goto('/diagnostics');
  await expect(chip(page, 'open')).toBeVisible();
  await page.getByRole('button', { name: '204', exact: true }).click();
  await expect(chip(page, 'closed')).toBeVisible();
  await page.getByText('Raw events', { exact: true }).scrollIntoViewIfNeeded();
}

test('at 390 px, scrolled down a page, the stopped banner and its Reconnect stay in sight', async ({
  page,
  user,
}) => {
  await stoppedAndScrolledDown(page, user);
  await expect(page.getByRole('heading', { level: 2, name: 'Diagnostics' })).not.toBeInViewport();
  await expect(page.getByRole('region', { name: 'Live updates stopped' })).toBeInViewport();
  await page.getByRole('button', { name: 'Reconnect' }).click();
  await expect(chip(page, 'open')).toBeVisible();
});

test('at 1440 px the navigation stays beside the page, without a menu button', async ({
  page,
  user,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, user);
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Navigation' })).toHaveCount(0);
});

test('at 320 px the raw event log cuts a long payload instead of scrolling sideways', async ({
  page,
  user,
}) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await signIn(page, user);
  await page.goto('/diagnostics');
  const log = page.getByRole('list', { name: 'Raw event log' });
  // Metric payloads are wider than 320 px of monospace.
  await expect(log.getByRole('listitem').first()).toBeVisible({ timeout: 10_000 });
  const widths = await log.evaluate((element) => ({
    scroll: element.scrollWidth,
    client: element.clientWidth,
    payloadCut: [...element.querySelectorAll('code')].some((c) => c.scrollWidth > c.clientWidth),
  }));
  expect(widths.scroll).toBeLessThanOrEqual(widths.client);
  expect(widths.payloadCut).toBe(true);
});

test('at 320 px a reconnecting chip with its countdown leaves the user menu on screen', async ({
  page,
  user,
}) => {
  await pinJitter(page);
  await page.setViewportSize({ width: 320, height: 640 });
  await signIn(page, user);
  const fault = await page.request.post('/api/faults', {
    data: { kind: 'status', status: 503, count: 3 },
  });
  expect(fault.status()).toBeLessThan(300);
  await expect(chip(page, 'reconnecting')).toContainText(/#\d+ (in \d+s|now)/);
  expect(await overflow(page)).toBeLessThanOrEqual(0);
  await expect(page.getByRole('button', { name: 'User menu' })).toBeInViewport({ ratio: 1 });
});

test('at 390 px, Shift+Tab upward never leaves focus under the sticky banner', async ({
  page,
  user,
}) => {
  await stoppedAndScrolledDown(page, user);
  await page.getByRole('list', { name: 'Raw event log' }).focus();
  const hidden: string[] = [];
  for (let i = 0; i < 25; i++) {
    await page.keyboard.press('Shift+Tab');
    const covered = await page.evaluate(() => {
      const banner = document.querySelector('.app-banner')?.getBoundingClientRect();
      const focused = document.activeElement as HTMLElement | null;
      if (!banner || !focused || focused === document.body) return null;
      if (focused.closest('.app-banner, app-toolbar, mat-sidenav, mat-toolbar')) return null;
      const box = focused.getBoundingClientRect();
      return box.bottom <= banner.bottom && box.top >= banner.top - 1
        ? `${focused.tagName} "${focused.textContent?.trim().slice(0, 30)}" at ${Math.round(box.top)}`
        : null;
    });
    if (covered) hidden.push(covered);
  }
  expect(hidden).toEqual([]);
});

test('at 390 px, Reconnect far down a page scrolls the focused heading into view', async ({
  page,
  user,
}) => {
  await stoppedAndScrolledDown(page, user);
  const heading = page.getByRole('heading', { level: 2, name: 'Diagnostics' });
  await expect(heading).not.toBeInViewport();
  await page.getByRole('button', { name: 'Reconnect' }).press('Enter');
  await expect(chip(page, 'open')).toBeVisible();
  await expect(heading).toBeFocused();
  await expect(heading).toBeInViewport();
});
