import { type Page } from '@playwright/test';

import { chip, expect, signIn, streamsOf, test, visit } from './fixtures';

const TOTAL = 100;
const title = (n: number) => `xt-${String(n).padStart(3, '0')}`;
const list = (page: Page) => page.getByRole('list', { name: 'Notifications' });

/** The titles of the cross-tab notifications a tab shows, oldest first. */
async function shown(page: Page): Promise<string[]> {
  const labels = await list(page)
    .getByRole('listitem', { name: /^INFO: xt-/ })
    .evaluateAll((items) => items.map((item) => item.getAttribute('aria-label') ?? ''));
  return labels.map((label) => label.replace(/^INFO: /, '')).reverse();
}

// Per-user stream counts come from `streamsOf` (fixtures.ts): on main the mock server reports
// them in `/api/health`; branch `mock` moves them to `GET /api/debug/stats`, and the fixture with it.
test('cross-tab: 3 tabs hold 1 stream, a handover loses and repeats nothing, logout reaches every tab', async ({
  page,
  context,
  user,
}) => {
  test.setTimeout(120_000);
  await signIn(page, user);
  // The first tab holds the lock; it moves within the app, so it keeps it.
  await page.getByRole('link', { name: 'Notifications', exact: false }).first().click();
  const others = [await context.newPage(), await context.newPage()];
  for (const tab of others) await visit(tab, '/notifications');
  await expect.poll(() => streamsOf(context.request, user)).toBe(1);

  // 100 notifications at 20/s; the leader tab closes after the first 30.
  const posting = (async () => {
    for (let n = 1; n <= TOTAL; n++) {
      const started = Date.now();
      const response = await context.request.post('/api/notifications', {
        data: { level: 'INFO', title: title(n), message: 'cross-tab' },
      });
      expect(response.status()).toBe(201);
      if (n === 30) void page.close();
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, 50 - (Date.now() - started))));
    }
  })();
  await expect.poll(() => page.isClosed(), { timeout: 10_000 }).toBe(true);
  const closedAt = Date.now();
  await expect.poll(() => streamsOf(context.request, user), { timeout: 3000 }).toBe(1);
  console.log(`handover: one stream again ${Date.now() - closedAt} ms after the leader closed`);
  await posting;

  const expected = Array.from({ length: TOTAL }, (_, i) => title(i + 1));
  for (const tab of others) {
    await expect.poll(() => shown(tab), { timeout: 10_000 }).toEqual(expected);
    await expect(chip(tab, 'open')).toBeVisible();
  }

  await others[0].getByRole('button', { name: 'User menu' }).click();
  await others[0].getByRole('menuitem', { name: /Log out/ }).click();
  await expect(others[0]).toHaveURL(/\/login$/, { timeout: 20_000 });
  // The other tab learns that its session ended; signing in there leads back to its page.
  await expect(others[1]).toHaveURL(/\/login\?returnUrl=%2Fnotifications$/, { timeout: 20_000 });
  // It says why: a logout elsewhere, not an expired session.
  await expect(others[1].getByRole('alert')).toHaveText(/You logged out in another tab/);
  await expect.poll(() => streamsOf(context.request, user)).toBe(0);
});

test('cross-tab: a notification read in one tab shows read in the others, and after a reload', async ({
  page,
  context,
  user,
}) => {
  await signIn(page, user);
  await visit(page, '/notifications');
  const other = await context.newPage();
  await visit(other, '/notifications');
  const response = await context.request.post('/api/notifications', {
    data: { level: 'INFO', title: 'read me', message: 'once' },
  });
  expect(response.status()).toBe(201);
  for (const tab of [page, other]) {
    await expect(tab.getByRole('link', { name: 'Notifications, 1 unread' })).toBeVisible();
  }
  await page.getByRole('button', { name: 'Mark read: read me' }).click();
  for (const tab of [page, other]) {
    await expect(tab.getByRole('link', { name: 'Notifications, 0 unread' })).toBeVisible();
    await expect(tab.getByRole('button', { name: 'Mark read: read me' })).toHaveCount(0);
  }
  await other.reload();
  await expect(other.getByRole('link', { name: 'Notifications, 0 unread' })).toBeVisible();
});
