import { type Page } from '@playwright/test';

import { chip, expect, pinJitter, signIn, test, visit } from './fixtures';

const timeline = (page: Page) => page.getByRole('list', { name: 'Connection timeline' });

/** Records every status the connection chip shows from now on, from inside the page. */
async function watchChip(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { chipSeen: string[] }).chipSeen = seen;
    const element = document.querySelector('app-connection-status [data-status]')!;
    new MutationObserver(() => seen.push(element.getAttribute('data-status') ?? '')).observe(
      element,
      { attributes: true, attributeFilter: ['data-status'] },
    );
  });
  return () => page.evaluate(() => (window as unknown as { chipSeen: string[] }).chipSeen);
}

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

// Every button, from the default settings: the chip leaves `open` within 3 s and the timeline
// names the reason. Drop, 503 and a wrong MIME type (the dashboard's policy retries it) recover
// by themselves; 204 stops for good, says so, and Reconnect resumes.
const FAULTS = [
  { button: 'Drop connection', reason: /^(ended|network)$/, recovers: true },
  { button: '503 × 3', reason: /^http 503$/, recovers: true },
  { button: 'Bad MIME', reason: /^bad-content-type$/, recovers: true },
  { button: '204', reason: /^no-content$/, recovers: false },
];

for (const { button, reason, recovers } of FAULTS) {
  test(`fault "${button}" shows at once: chip, timeline, then ${recovers ? 'recovery' : 'a stop that says so'}`, async ({
    page,
    user,
  }) => {
    await signIn(page, user);
    await visit(page, '/diagnostics');
    await expect(page.getByRole('button', { name: button })).toHaveAccessibleDescription(/.{20,}/);
    const chipSeen = await watchChip(page);
    await page.getByRole('button', { name: button }).click();
    await expect
      .poll(async () => (await chipSeen()).some((status) => status !== 'open'), { timeout: 3000 })
      .toBe(true);
    const rows = timeline(page).locator('li[data-reason]');
    await expect
      .poll(
        async () =>
          (await rows.evaluateAll((items) => items.map((item) => item.dataset['reason']))).some(
            (value) => reason.test(value ?? ''),
          ),
        { timeout: 3000 },
      )
      .toBe(true);
    if (recovers) {
      await expect(chip(page, 'open')).toBeVisible({ timeout: 30_000 });
      return;
    }
    await expect(chip(page, 'closed')).toBeVisible();
    await expect(page.getByText('will not reconnect by itself')).toBeVisible();
    await page.getByRole('button', { name: 'Reconnect' }).click();
    await expect(chip(page, 'open')).toBeVisible({ timeout: 10_000 });
  });
}

test('6. 503 × 3: three failed attempts with growing delays, then recovery', async ({
  page,
  user,
}) => {
  await pinJitter(page);
  await signIn(page, user);
  await visit(page, '/diagnostics');
  await page.getByRole('button', { name: '503 × 3' }).click();

  const failed = timeline(page).locator('[data-reason="http 503"]');
  await expect(failed).toHaveCount(3, { timeout: 30_000 });
  await expect(chip(page, 'open')).toBeVisible({ timeout: 30_000 });
  const delays = await failed.evaluateAll((items) =>
    items.map((item) => Number(item.getAttribute('data-delay'))).reverse(),
  );
  expect(delays.length).toBe(3);
  expect(delays[1]).toBeGreaterThan(delays[0]);
  expect(delays[2]).toBeGreaterThan(delays[1]);
});

test('7. a stall outlasts the heartbeat timeout in effect: reconnecting (idle-timeout), then recovery', async ({
  page,
  user,
}) => {
  await pinJitter(page);
  await signIn(page, user);
  await visit(page, '/diagnostics');
  // From the default 45 s timeout the stall is 50 s, and the button says so.
  await expect(page.getByRole('button', { name: 'Stall 50 s' })).toHaveAccessibleDescription(
    /after the 45 s heartbeat timeout/,
  );
  await page.getByLabel(/Heartbeat timeout/).fill('2');
  await page.getByRole('button', { name: /^Apply/ }).click();
  await expect(chip(page, 'open')).toBeVisible();
  await page.getByRole('button', { name: 'Stall 7 s' }).click();
  await expect(page.getByRole('status', { name: /reconnecting \(idle-timeout\)/ })).toBeVisible({
    timeout: 5_000,
  });
  await expect(timeline(page).locator('[data-reason="idle-timeout"]').first()).toBeVisible();
  await expect(chip(page, 'open')).toBeVisible({ timeout: 15_000 });
});
