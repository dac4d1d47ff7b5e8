import { type Page } from '@playwright/test';

import { chip, expect, pinJitter, signIn, test, visit } from './fixtures';

const timeline = (page: Page) => page.getByRole('list', { name: 'Connection timeline' });

interface ChipChange {
  label: string;
  at: number;
}

/** Records every label the connection chip shows from now on, stamped in the page. */
async function watchChip(page: Page): Promise<() => Promise<ChipChange[]>> {
  await page.evaluate(() => {
    const seen: ChipChange[] = [];
    (window as unknown as { chipSeen: ChipChange[] }).chipSeen = seen;
    const element = document.querySelector('app-connection-status [data-status]')!;
    new MutationObserver(() =>
      seen.push({ label: element.getAttribute('aria-label') ?? '', at: Date.now() }),
    ).observe(element, { attributes: true, attributeFilter: ['aria-label'] });
  });
  return () => page.evaluate(() => (window as unknown as { chipSeen: ChipChange[] }).chipSeen);
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
  // Drop in the middle: once some of the burst has arrived, not after a fixed while.
  const items = page.getByRole('list', { name: 'Notifications' }).getByRole('listitem');
  await expect.poll(() => items.count()).toBeGreaterThanOrEqual(20);
  expect(
    (await page.request.post('/api/faults', { data: { kind: 'drop' } })).status(),
  ).toBeLessThan(300);
  await expect(chip(page, 'reconnecting')).toBeVisible();
  await expect(chip(page, 'open')).toBeVisible({ timeout: 15_000 });

  await expect(items).toHaveCount(200, { timeout: 15_000 });
  const names = await items.evaluateAll((elements) =>
    elements.map((e) => e.getAttribute('aria-label')),
  );
  // Newest first: load 200/200 down to load 1/200, each once.
  expect(names).toEqual(Array.from({ length: 200 }, (_, i) => `INFO: load ${200 - i}/200`));
});

// Every button, from the default settings: within 3 s of the click the chip leaves `open` for
// the fault's own reason, and the timeline names it. Drop, 503, a stall (it outlasts the default
// 2 s heartbeat timeout) and a wrong MIME type (the dashboard's policy retries it) recover by
// themselves; 204 stops for good, says so, and Reconnect resumes.
const FAULTS = [
  { button: 'Drop connection', reason: /^(ended|network)$/, recovers: true },
  { button: '503 × 3', reason: /^http 503$/, recovers: true },
  { button: 'Stall 7 s', reason: /^idle-timeout$/, recovers: true },
  { button: 'Bad MIME', reason: /^bad-content-type$/, recovers: true },
  { button: '204', reason: /^no-content$/, recovers: false },
];
const WITHIN_MS = 3000;

for (const { button, reason, recovers } of FAULTS) {
  test(`fault "${button}" shows within 3 s: chip, timeline, then ${recovers ? 'recovery' : 'a stop that says so'}`, async ({
    page,
    user,
  }) => {
    await signIn(page, user);
    await visit(page, '/diagnostics');
    const action = page.getByRole('button', { name: button, exact: true });
    await expect(action).toHaveAccessibleDescription(/.{20,}/);
    const chipSeen = await watchChip(page);
    const clickedAt = Date.now();
    await action.click();

    // The chip says "Connection reconnecting (idle-timeout), attempt 1, …" or "closed (no-content)".
    const shown = (change: ChipChange) =>
      reason.test(/^Connection (?:reconnecting|closed) \(([^)]*)\)/.exec(change.label)?.[1] ?? '');
    await expect
      .poll(async () => (await chipSeen()).some(shown), { timeout: WITHIN_MS + 2000 })
      .toBe(true);
    const elapsed = (await chipSeen()).find(shown)!.at - clickedAt;
    test.info().annotations.push({ type: 'click→chip', description: `${elapsed} ms` });
    console.log(`${button}: click→chip ${elapsed} ms`);
    expect(elapsed).toBeLessThanOrEqual(WITHIN_MS);

    const rows = timeline(page).locator('li[data-reason]');
    await expect
      .poll(async () =>
        (await rows.evaluateAll((items) => items.map((item) => item.dataset['reason']))).some(
          (value) => reason.test(value ?? ''),
        ),
      )
      .toBe(true);
    if (recovers) {
      await expect(chip(page, 'open')).toBeVisible({ timeout: 30_000 });
      return;
    }
    await expect(chip(page, 'closed')).toBeVisible();
    await expect(page.getByText('will not reconnect by itself')).toBeVisible();
    // By keyboard: the banner goes with its button, and focus goes to the page's heading.
    await page.getByRole('button', { name: 'Reconnect' }).press('Enter');
    await expect(chip(page, 'open')).toBeVisible({ timeout: 10_000 });
    await expect(page.getByRole('heading', { level: 2, name: 'Diagnostics' })).toBeFocused();
  });
}

test('6. 503 × 3: three failed attempts, delays growing above the 500 ms retry floor, then recovery', async ({
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

test('7. the Stall button follows the settings in effect: outlasts the timeout, or says it goes unnoticed', async ({
  page,
  user,
}) => {
  await signIn(page, user);
  await visit(page, '/diagnostics');
  const settings = page.getByRole('status').filter({ hasText: /^Applied:/ });
  await expect(settings).toHaveText('Applied: fetch transport, heartbeat timeout 2 s');
  await expect(page.getByRole('button', { name: 'Stall 7 s' })).toHaveAccessibleDescription(
    /after the 2 s heartbeat timeout/,
  );

  await page.getByLabel(/Heartbeat timeout/).fill('4');
  await page.getByRole('button', { name: /^Apply/ }).click();
  await expect(settings).toHaveText('Applied: fetch transport, heartbeat timeout 4 s');
  await expect(page.getByRole('button', { name: 'Stall 9 s' })).toHaveAccessibleDescription(
    /after the 4 s heartbeat timeout/,
  );

  await page.getByRole('radio', { name: /native/ }).click();
  await page.getByRole('button', { name: /^Apply/ }).click();
  await expect(settings).toHaveText('Applied: native transport, no heartbeat timeout');
  await expect(page.getByRole('button', { name: 'Stall 20 s' })).toHaveAccessibleDescription(
    /cannot tell/,
  );
  await expect(chip(page, 'open')).toBeVisible();
});
