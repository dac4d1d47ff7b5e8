import { type Page } from '@playwright/test';

import { expect, signIn, test, visit } from './fixtures';

/** Fills and sends the compose form. */
async function compose(page: Page, level: 'Info' | 'Error', title: string, message = 'from e2e') {
  await page.getByRole('combobox', { name: 'Level' }).click();
  await page.getByRole('option', { name: new RegExp(`${level}$`) }).click();
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Message').fill(message);
  await page.getByRole('button', { name: /^Send/ }).click();
}

const list = (page: Page) => page.getByRole('list', { name: 'Notifications' });

/**
 * Waits until the stream has delivered everything sent before: a marker posted over the API
 * (so it comes only by SSE) shows up, and the stream keeps order.
 */
async function streamCaughtUp(page: Page): Promise<void> {
  const title = `marker ${Date.now()}`;
  const response = await page.request.post('/api/notifications', {
    data: { level: 'INFO', title },
  });
  expect(response.status()).toBe(201);
  await expect(list(page).getByRole('listitem', { name: `INFO: ${title}` })).toHaveCount(1);
}

test('2. a posted notification appears once and the unread badge increments', async ({
  page,
  user,
}) => {
  await signIn(page, user);
  await page.getByRole('link', { name: 'Notifications', exact: false }).first().click();
  await expect(page.getByRole('link', { name: 'Notifications, 0 unread' })).toBeVisible();
  await compose(page, 'Info', 'Deploy finished');
  const items = list(page).getByRole('listitem', { name: 'INFO: Deploy finished' });
  await expect(items).toHaveCount(1);
  await expect(page.getByRole('link', { name: 'Notifications, 1 unread' })).toBeVisible();
  // The SSE copy arrives after the REST reply; it must not be shown a second time.
  await streamCaughtUp(page);
  await expect(items).toHaveCount(1);
});

test('3. an ERROR notification raises a snackbar', async ({ page, user }) => {
  await signIn(page, user);
  await visit(page, '/notifications');
  await compose(page, 'Error', 'Disk full');
  await expect(page.locator('mat-snack-bar-container')).toContainText('Disk full');
});

test('9. a title with markup renders as text and no dialog opens', async ({ page, user }) => {
  let dialogs = 0;
  page.on('dialog', (dialog) => {
    dialogs++;
    void dialog.dismiss();
  });
  await signIn(page, user);
  await visit(page, '/notifications');
  const title = '<img src=x onerror=alert(1)>';
  await compose(page, 'Info', title);
  await expect(list(page).getByRole('listitem', { name: `INFO: ${title}` })).toHaveCount(1);
  await expect(list(page).getByText(title, { exact: true })).toBeVisible();
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await streamCaughtUp(page);
  expect(dialogs).toBe(0);
});

test('a burst of 100 notifications is said in at most three announcements, not 100', async ({
  page,
  user,
}) => {
  await signIn(page, user);
  await visit(page, '/notifications');
  // Every text the polite region takes is a screen reader announcement.
  await page.evaluate(() => {
    const region = document.querySelector('[data-testid="announcer"]')!;
    const said: string[] = [];
    (window as unknown as { said: string[] }).said = said;
    new MutationObserver(() => said.push(region.textContent!.trim())).observe(region, {
      childList: true,
      characterData: true,
      subtree: true,
    });
  });
  const load = await page.request.post('/api/load', {
    data: { event: 'notification', count: 100, ratePerSec: 100 },
  });
  expect(load.status()).toBe(202);
  await expect(list(page).getByRole('listitem')).toHaveCount(100, { timeout: 15_000 });
  const said = () => page.evaluate(() => (window as unknown as { said: string[] }).said);
  // The first at once; the rest, however they fall into the 2 s windows, ends with the last.
  await expect.poll(said).toContainEqual(expect.stringMatching(/the latest: load 100\/100$/));
  const announcements = await said();
  expect(announcements[0]).toBe('info notification: load 1/100');
  expect(announcements.length).toBeLessThanOrEqual(3);
});
