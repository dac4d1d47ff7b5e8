import AxeBuilder from '@axe-core/playwright';
import { type ConsoleMessage, type Locator, type Page } from '@playwright/test';

import { chip, expect, signIn, test, visit } from './fixtures';

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

/** Presses `key` until `target` has focus: it fails when the keyboard cannot get there. */
async function pressUntilFocused(page: Page, target: Locator, key = 'Tab', max = 40) {
  for (let presses = 0; presses < max; presses++) {
    await page.keyboard.press(key);
    if (await target.evaluate((element) => element === document.activeElement)) return;
  }
  throw new Error(`${key} ×${max} never reached ${target}`);
}

/** Where keyboard focus is: never the page itself after an action. */
const focusedTag = (page: Page) =>
  page.evaluate(() => document.activeElement?.tagName.toLowerCase() ?? 'none');

test('keyboard only: every action of every page, with focus put somewhere sensible', async ({
  page,
  user,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/login');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await page.keyboard.press('Tab');
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await pressUntilFocused(page, page.getByLabel('Username'));
  await page.keyboard.type(user);
  await page.keyboard.press('Enter');
  await expect(chip(page, 'open')).toBeVisible({ timeout: 20_000 });
  // A route change puts focus on the new page's heading.
  await expect(page.getByRole('heading', { level: 2, name: 'Overview' })).toBeFocused();

  // One navigation landmark, named: a screen reader's landmark list shows no unnamed twin.
  await expect(page.getByRole('navigation')).toHaveCount(1);
  const nav = page.getByRole('navigation', { name: 'Main' });
  const go = async (label: string) => {
    await pressUntilFocused(page, nav.getByRole('link', { name: label }), 'Shift+Tab');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 2, name: label })).toBeFocused();
  };

  // The skip link passes the toolbar and the navigation: the next Tab is the page's first field.
  await go('Notifications');
  await page.keyboard.press('Shift+Tab');
  await pressUntilFocused(page, skip, 'Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Notifications' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('combobox', { name: 'Level' })).toBeFocused();
  await pressUntilFocused(page, page.getByRole('textbox', { name: 'Title' }));
  await page.keyboard.type('Posted by keyboard');
  await pressUntilFocused(page, page.getByRole('button', { name: 'Send' }));
  await page.keyboard.press('Enter');
  const list = page.getByRole('list', { name: 'Notifications' });
  await expect(list.getByRole('listitem', { name: 'INFO: Posted by keyboard' })).toBeVisible();
  expect(await focusedTag(page)).not.toBe('body');

  await go('Jobs');
  await pressUntilFocused(page, page.getByRole('textbox', { name: 'Name' }));
  await page.keyboard.type('kbd-job');
  await pressUntilFocused(page, page.getByRole('button', { name: 'Start' }));
  await page.keyboard.press('Enter');
  const card = page.getByRole('article', { name: 'kbd-job' });
  await expect(card).toBeVisible();
  const cancel = page.getByRole('button', { name: 'Cancel kbd-job' });
  await pressUntilFocused(page, cancel);
  await page.keyboard.press('Space');
  await expect(card).toHaveAttribute('data-state', 'cancelled');
  // Still focusable once disabled: focus stays on it rather than falling to the page.
  await expect(cancel).toBeFocused();

  await go('Assistant');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('textbox', { name: 'Prompt' })).toBeFocused();
  await page.keyboard.type('What is SSE?');
  await page.keyboard.press('Control+Enter');
  const status = page.locator('app-assistant-page [role="status"][data-status]');
  await expect(status).toHaveAttribute('data-status', /sending|streaming/);
  await pressUntilFocused(page, page.getByRole('button', { name: 'Stop' }));
  await page.keyboard.press('Enter');
  await expect(status).toHaveAttribute('data-status', /stopped|done/);

  await go('Diagnostics');
  const share = page.getByRole('checkbox', { name: 'Share the connection across tabs' });
  await pressUntilFocused(page, share);
  await page.keyboard.press('Space');
  await expect(share).not.toBeChecked();
  await pressUntilFocused(page, page.getByRole('button', { name: 'Apply' }));
  await page.keyboard.press('Enter');
  await expect(page.getByText(/^Applied: .*each tab connects by itself/)).toBeVisible();
  await expect(chip(page, 'open')).toBeVisible({ timeout: 20_000 });
  // The raw log is one Tab stop however long: the arrow keys, End and Home move among its rows,
  // and from the newest row Tab goes straight on, past every older one.
  const log = page.getByRole('list', { name: 'Raw event log' });
  const row = log.locator('button:focus');
  await pressUntilFocused(page, log);
  await page.keyboard.press('Tab');
  await expect(row).toHaveCount(1);
  await page.keyboard.press('End');
  await expect(log.getByRole('button').last()).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(row).toHaveCount(1);
  await page.keyboard.press('Home');
  await page.keyboard.press('Enter');
  const detail = page.getByRole('region', { name: 'Selected event payload' });
  await expect(detail).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(detail.getByRole('button', { name: 'Close' })).toBeFocused();

  // The user menu opens on its first item, Escape closes it and gives focus back.
  const userMenu = page.getByRole('button', { name: 'User menu' });
  await pressUntilFocused(page, userMenu, 'Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menuitemradio', { name: 'System theme' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toHaveCount(0);
  await expect(userMenu).toBeFocused();
});

test('keyboard focus on a Material control draws a 3 px ring, also in forced colours', async ({
  page,
  user,
}) => {
  await signIn(page, user);
  for (const forcedColors of ['none', 'active'] as const) {
    await page.emulateMedia({ forcedColors });
    const link = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Jobs' });
    await pressUntilFocused(page, link);
    const ring = await link.evaluate((element) => {
      const before = getComputedStyle(
        element.querySelector('.mat-focus-indicator') ?? element,
        '::before',
      );
      return {
        width: before.borderTopWidth,
        style: before.borderTopStyle,
        content: before.content,
      };
    });
    expect(ring, forcedColors).toEqual({ width: '3px', style: 'solid', content: '""' });
  }
});

test('in forced colours the chart legend keeps its series colours, as the lines do', async ({
  page,
  user,
}) => {
  await page.emulateMedia({ forcedColors: 'active' });
  await signIn(page, user);
  const swatches = page.locator('.legend .swatch');
  await expect(swatches.first()).toBeVisible({ timeout: 10_000 });
  const colours = await swatches.evaluateAll((elements) =>
    elements.map((element) => getComputedStyle(element).backgroundColor),
  );
  // Forced colours would paint each swatch the system's Canvas colour, all alike.
  expect(new Set(colours).size).toBe(colours.length);
  const canvas = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(colours).not.toContain(canvas);
});

/** What `colour` (a system colour such as GrayText or Canvas) computes to on this page now. */
function systemColour(page: Page, colour: string): Promise<string> {
  return page.evaluate((value) => {
    const probe = document.body.appendChild(document.createElement('span'));
    probe.style.color = value;
    const computed = getComputedStyle(probe).color;
    probe.remove();
    return computed;
  }, colour);
}

test('in forced colours a button disabled but focusable (aria-disabled) is drawn in GrayText', async ({
  page,
  user,
}) => {
  await page.emulateMedia({ forcedColors: 'active' });
  await signIn(page, user);
  await page.goto('/assistant');
  const stop = page.getByRole('button', { name: 'Stop' });
  await expect(stop).toHaveAttribute('aria-disabled', 'true');
  const grayText = await systemColour(page, 'GrayText');
  const paint = (button: Locator) =>
    button.evaluate((element) => {
      const style = getComputedStyle(element);
      return { text: style.color, border: style.borderTopColor };
    });
  // Polled: Material's outlined button moves its border colour in a transition.
  await expect.poll(() => paint(stop)).toEqual({ text: grayText, border: grayText });
  // An enabled button keeps the system's button text colour.
  expect((await paint(page.getByRole('button', { name: 'Send' }))).text).not.toBe(grayText);
});

test('in forced colours the stopped banner keeps an edge, its background being dropped', async ({
  page,
  user,
}) => {
  await page.emulateMedia({ forcedColors: 'active' });
  await signIn(page, user);
  await visit(page, '/diagnostics');
  await page.getByRole('button', { name: '204', exact: true }).click();
  const banner = page.getByRole('region', { name: 'Live updates stopped' });
  await expect(banner).toBeVisible();
  const edge = await banner.evaluate((element) => {
    const style = getComputedStyle(element);
    return {
      style: style.borderTopStyle,
      width: style.borderTopWidth,
      colour: style.borderTopColor,
    };
  });
  expect(edge).toEqual(expect.objectContaining({ style: 'solid', width: '1px' }));
  expect(edge.colour).not.toBe(await systemColour(page, 'Canvas'));
});

test('with reduced motion, the drawer and the user menu open without animating', async ({
  page,
  user,
}) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, user);
  /** Finite animations and transitions running now; endless ones (a progress bar) are not waited for. */
  const moving = () =>
    page.evaluate(() =>
      document
        .getAnimations()
        .filter(
          (animation) =>
            animation.playState === 'running' &&
            animation.effect?.getTiming().iterations !== Infinity &&
            Number(animation.effect?.getTiming().duration) > 1,
        )
        .map((animation) => (animation.effect as KeyframeEffect | null)?.target?.className),
    );
  await page.getByRole('button', { name: 'Navigation' }).press('Enter');
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  expect(await moving(), 'drawer').toEqual([]);
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'User menu' }).press('Enter');
  await expect(page.getByRole('menu')).toBeVisible();
  expect(await moving(), 'menu').toEqual([]);
});
