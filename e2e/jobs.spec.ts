import { type Page } from '@playwright/test';

import { expect, signIn, test, visit } from './fixtures';

async function startJob(page: Page, name: string, seconds: number) {
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel(/Duration/).fill(String(seconds));
  await page.getByRole('button', { name: /^Start/ }).click();
}

const card = (page: Page, name: string) => page.getByRole('article', { name });

test('4. a job runs to 100 % and done; another is cancelled', async ({ page, user }) => {
  await signIn(page, user);
  await visit(page, '/jobs');

  await startJob(page, 'short build', 2);
  await expect(card(page, 'short build')).toHaveAttribute('data-state', 'done', {
    timeout: 15_000,
  });
  await expect(card(page, 'short build').getByRole('progressbar')).toHaveAttribute(
    'aria-valuenow',
    '100',
  );

  await startJob(page, 'long export', 600);
  await expect(card(page, 'long export')).toHaveAttribute('data-state', /queued|running/);
  await card(page, 'long export')
    .getByRole('button', { name: /Cancel/ })
    .click();
  await expect(card(page, 'long export')).toHaveAttribute('data-state', 'cancelled');
});
