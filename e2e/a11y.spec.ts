import AxeBuilder from '@axe-core/playwright';
import { type ConsoleMessage, type Page } from '@playwright/test';

import { expect, signIn, test, visit } from './fixtures';

const ROUTES = ['/', '/notifications', '/jobs', '/assistant', '/diagnostics'];

const CASES = [
  { name: 'light, desktop', colorScheme: 'light', viewport: { width: 1440, height: 900 } },
  { name: 'dark, desktop', colorScheme: 'dark', viewport: { width: 1440, height: 900 } },
  { name: 'light, 390 px', colorScheme: 'light', viewport: { width: 390, height: 844 } },
  { name: 'dark, 390 px', colorScheme: 'dark', viewport: { width: 390, height: 844 } },
] as const;

/** Serious and critical axe violations on the page as it is now, one line each. */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/**
 * Console warnings and errors, none expected: not even a failed resource (a signed-out first
 * load asks `GET /api/session`, which answers 200 `{ "username": null }`).
 */
function collectConsole(page: Page): string[] {
  const messages: string[] = [];
  page.on('console', (message: ConsoleMessage) => {
    const type = message.type();
    if (type === 'warning' || type === 'error') messages.push(`${type}: ${message.text()}`);
  });
  return messages;
}

/**
 * Waits until the page looks as it will stay: fonts loaded and no finite animation running (a
 * route's enter transition, a ripple), so axe checks contrast on final colours. Endless ones,
 * such as an indeterminate progress bar, never finish and are not waited for.
 */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      document.fonts.status === 'loaded' &&
      document
        .getAnimations()
        .every(
          (animation) =>
            animation.playState !== 'running' ||
            animation.effect?.getTiming().iterations === Infinity,
        ),
  );
}

for (const { name, colorScheme, viewport } of CASES) {
  test(`axe: 0 serious or critical violations on every page (${name}), no console warnings`, async ({
    page,
    user,
  }, testInfo) => {
    const messages = collectConsole(page);
    await page.emulateMedia({ colorScheme });
    await page.setViewportSize(viewport);
    await page.goto('/login');
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
    expect(await seriousViolations(page), 'login').toEqual([]);
    await signIn(page, user);
    for (const route of ROUTES) {
      await visit(page, route);
      await expect(page.locator('main h2')).toBeVisible();
      // The overview is scanned with its chart drawn: its legend is what a keyboard reaches.
      if (route === '/') await expect(page.locator('.legend button').first()).toBeVisible();
      await settled(page);
      expect(await seriousViolations(page), route).toEqual([]);
      await testInfo.attach(`${route === '/' ? 'overview' : route.slice(1)}.png`, {
        body: await page.screenshot(),
        contentType: 'image/png',
      });
    }
    expect(messages).toEqual([]);
  });
}

test('the user menu pins the dark theme, and it survives a reload', async ({ page, user }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await signIn(page, user);
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const light = await background();
  await page.getByRole('button', { name: 'User menu' }).click();
  await page.getByRole('menuitemradio', { name: 'Dark theme' }).click();
  await expect(page.locator('html')).toHaveClass(/theme-dark/);
  expect(await background()).not.toBe(light);
  await page.reload();
  await expect(page.locator('html')).toHaveClass(/theme-dark/);
  await page.getByRole('button', { name: 'User menu' }).click();
  await expect(page.getByRole('menuitemradio', { name: 'Dark theme' })).toHaveAttribute(
    'aria-checked',
    'true',
  );
});

test('every page is reachable by keyboard alone', async ({ page, user }) => {
  await signIn(page, user);
  for (const label of ['Notifications', 'Jobs', 'Assistant', 'Diagnostics', 'Overview']) {
    const link = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: label });
    await link.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 2, name: label })).toBeVisible();
  }
  // The chart's legend toggles by keyboard too.
  const legend = page
    .getByRole('group', { name: /^Series/ })
    .getByRole('button')
    .first();
  await expect(legend).toBeVisible({ timeout: 10_000 });
  await legend.focus();
  await page.keyboard.press('Enter');
  await expect(legend).toHaveAttribute('aria-pressed', 'false');
});
