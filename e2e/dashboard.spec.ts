import { expect, test } from '@playwright/test';

test('the dashboard shows its toolbar and a live tick from /api/ticks', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('banner').getByRole('heading', { level: 1 })).toHaveText(
    'SSE Dashboard',
  );
  await expect(page.getByRole('status', { name: 'Latest tick' })).toHaveText(/Tick #\d+/, {
    timeout: 10_000,
  });
});
