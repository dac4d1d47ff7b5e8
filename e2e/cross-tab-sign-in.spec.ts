import { expect, signIn, test } from './fixtures';

test('cross-tab: a tab on the login page follows a sign-in made in another tab to its returnUrl', async ({
  page,
  context,
  user,
}) => {
  const waiting = await context.newPage();
  // A deep link opened signed out: the login page remembers where it was going.
  await waiting.goto('/jobs');
  await expect(waiting).toHaveURL(/\/login\?returnUrl=%2Fjobs$/);
  await expect(waiting.getByRole('heading', { name: 'Sign in' })).toBeVisible();

  await signIn(page, user);
  await expect(waiting).toHaveURL(/\/jobs$/);
  await expect(waiting.getByRole('heading', { name: 'Jobs', level: 2 })).toBeVisible();
  await expect(waiting.getByRole('button', { name: 'User menu' })).toBeVisible();
});
