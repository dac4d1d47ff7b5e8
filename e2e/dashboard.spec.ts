import { chip, expect, signIn, streamsOf, test } from './fixtures';

test('the dashboard shows its toolbar and a live tick from /api/ticks', async ({ page, user }) => {
  await signIn(page, user);
  await expect(page.getByRole('banner').getByRole('heading', { level: 1 })).toHaveText(
    'SSE Dashboard',
  );
  // The server clock: a time of day and the tick number, no state note once the stream is open.
  await expect(page.locator('app-live-ticks').getByRole('status')).toHaveText(
    /^\s*\d\d:\d\d:\d\d\s+tick #\d+\s*$/,
    { timeout: 10_000 },
  );
});

test('1. login: the chip shows open and the server holds one stream for the user', async ({
  page,
  user,
}) => {
  await signIn(page, user);
  await expect(chip(page, 'open')).toBeVisible();
  await expect.poll(() => streamsOf(page.request, user)).toBe(1);
});

test('10. logout: the stream closes and the server shows 0 streams for the user', async ({
  page,
  user,
}) => {
  await signIn(page, user);
  await expect.poll(() => streamsOf(page.request, user)).toBe(1);
  await page.getByRole('button', { name: 'User menu' }).click();
  await page.getByRole('menuitem', { name: /Log out/ }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect.poll(() => streamsOf(page.request, user)).toBe(0);
});

test('8. session expiry from another tab: 401, then /login with a message', async ({
  page,
  context,
  user,
}) => {
  await signIn(page, user);
  const other = await context.newPage();
  expect((await other.request.delete('/api/session')).status()).toBe(204);
  await expect(page).toHaveURL(/\/login$/, { timeout: 20_000 });
  await expect(page.getByRole('alert')).toContainText(
    'session has ended: it expired, or the server restarted',
  );
});
