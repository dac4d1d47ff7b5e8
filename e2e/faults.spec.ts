import { type Page } from '@playwright/test';

import { chip, expect, pinJitter, signIn, test, visit } from './fixtures';

const timeline = (page: Page) => page.getByRole('list', { name: 'Connection timeline' });

test('5. a drop in the middle of a burst of 200: reconnect, and all 200 exactly once, in order', async ({
  page,
  user,
}) => {
  await pinJitter(page);
  await signIn(page, user);
  await visit(page, '/notifications');
  expect(
    (
      await page.request.post('/api/load', {
        data: { event: 'notification', count: 200, ratePerSec: 100 },
      })
    ).status(),
  ).toBe(202);
  await page.waitForTimeout(800);
  expect(
    (await page.request.post('/api/faults', { data: { kind: 'drop' } })).status(),
  ).toBeLessThan(300);
  await expect(chip(page, 'reconnecting')).toBeVisible();
  await expect(chip(page, 'open')).toBeVisible({ timeout: 15_000 });

  const items = page.getByRole('list', { name: 'Notifications' }).getByRole('listitem');
  await expect(items).toHaveCount(200, { timeout: 15_000 });
  const names = await items.evaluateAll((elements) =>
    elements.map((e) => e.getAttribute('aria-label')),
  );
  // Newest first: load 200/200 down to load 1/200, each once.
  expect(names).toEqual(Array.from({ length: 200 }, (_, i) => `INFO: load ${200 - i}/200`));
});

test('6. 503 × 3: three failed attempts with growing delays, then recovery', async ({
  page,
  user,
}) => {
  await pinJitter(page);
  await signIn(page, user);
  await visit(page, '/diagnostics');
  await page.getByRole('button', { name: '503 × 3' }).click();
  await page.getByRole('button', { name: 'Drop connection' }).click();

  const failed = timeline(page).locator('[data-reason="http-503"]');
  await expect(failed).toHaveCount(3, { timeout: 30_000 });
  await expect(chip(page, 'open')).toBeVisible({ timeout: 30_000 });
  const delays = await failed.evaluateAll((items) =>
    items.map((item) => Number(item.getAttribute('data-delay'))).reverse(),
  );
  expect(delays.length).toBe(3);
  expect(delays[1]).toBeGreaterThan(delays[0]);
  expect(delays[2]).toBeGreaterThan(delays[1]);
});

test('7. a stall beyond the heartbeat timeout: reconnecting (idle-timeout), then recovery', async ({
  page,
  user,
}) => {
  await pinJitter(page);
  await signIn(page, user);
  await visit(page, '/diagnostics');
  await page.getByLabel(/Heartbeat timeout/).fill('3');
  await page.getByRole('button', { name: /^Apply/ }).click();
  await expect(chip(page, 'open')).toBeVisible();
  await page.getByRole('button', { name: 'Stall 20 s' }).click();
  await expect(page.getByRole('status', { name: /reconnecting \(idle-timeout\)/ })).toBeVisible({
    timeout: 10_000,
  });
  await expect(chip(page, 'open')).toBeVisible({ timeout: 15_000 });
});
