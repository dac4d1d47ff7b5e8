import { chip, expect, test } from './fixtures';

test('a deep link opened signed out leads back to its page after sign-in, focus on its heading', async ({
  page,
  user,
}) => {
  await page.goto('/diagnostics');
  await expect(page).toHaveURL(/\/login\?returnUrl=%2Fdiagnostics$/);
  await page.getByLabel('Username').fill(user);
  await page.getByLabel('Username').press('Enter');
  await expect(page).toHaveURL(/\/diagnostics$/);
  await expect(chip(page, 'open')).toBeVisible({ timeout: 20_000 });
  // Keyboard and screen reader users start on the page they asked for.
  await expect(page.getByRole('heading', { level: 2, name: 'Diagnostics' })).toBeFocused();

  // Signed in, the login page has nothing to offer: it leads to the overview.
  await page.goto('/login');
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { level: 2, name: 'Overview' })).toBeVisible();
});

test('a returnUrl that leaves the app is not followed', async ({ page, user }) => {
  await page.goto('/login?returnUrl=%2F%2Fevil.example%2F');
  await page.getByLabel('Username').fill(user);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/$/);
});
