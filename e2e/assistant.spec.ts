import { type Page } from '@playwright/test';

import { expect, signIn, statsOf, test } from './fixtures';

const status = (page: Page) => page.locator('app-assistant-page [role="status"][data-status]');
const answer = (page: Page) => page.getByTestId('answer');

async function ask(page: Page, prompt: string): Promise<void> {
  await page.getByLabel('Prompt').fill(prompt);
  await page.getByRole('button', { name: 'Send' }).click();
}

/** Records every distinct length the answer takes, from inside the page. */
async function recordGrowth(page: Page): Promise<void> {
  await page.evaluate(() => {
    const element = document.querySelector('[data-testid="answer"]')!;
    const lengths: number[] = [];
    (window as unknown as { lengths: number[] }).lengths = lengths;
    new MutationObserver(() => {
      const length = element.textContent?.length ?? 0;
      if (length !== lengths.at(-1)) lengths.push(length);
    }).observe(element, { characterData: true, childList: true, subtree: true });
  });
}

test.beforeEach(async ({ page, user }) => {
  await signIn(page, user);
  await page.getByRole('link', { name: 'Assistant' }).click();
  await expect(page.getByRole('heading', { name: 'Assistant' })).toBeVisible();
});

test('a canned answer streams in token by token, then done', async ({ page, user }) => {
  await recordGrowth(page);
  await ask(page, 'What is SSE?');
  await expect(status(page)).toHaveAttribute('data-status', 'streaming');
  await expect(status(page)).toHaveAttribute('data-status', 'done', { timeout: 20_000 });
  await expect(answer(page)).toContainText('Server-Sent Events');
  const lengths = await page.evaluate(() => (window as unknown as { lengths: number[] }).lengths);
  expect(lengths.length).toBeGreaterThanOrEqual(5);
  expect([...lengths].sort((a, b) => a - b)).toEqual(lengths);
  expect((await statsOf(page.request, user)).chatRequests).toBe(1);
});

test('Stop aborts the answer: no further tokens and no second request', async ({ page, user }) => {
  await ask(page, 'What is SSE?');
  await expect(answer(page)).toContainText(/\S+ \S+/);
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(status(page)).toHaveAttribute('data-status', 'stopped');
  const stoppedAt = await answer(page).textContent();
  // An absence needs a window: tokens come every few tens of ms, so 1.5 s would show any.
  await page.waitForTimeout(1500);
  await expect(answer(page)).toHaveText(stoppedAt ?? '');
  expect((await statsOf(page.request, user)).chatRequests).toBe(1);
  await expect(page.getByRole('button', { name: 'Retry' })).toBeVisible();
});

test('hiding and showing the tab while streaming does not send the POST again', async ({
  page,
  user,
}) => {
  await ask(page, 'How do reconnects work?');
  await expect(status(page)).toHaveAttribute('data-status', 'streaming');
  const setHidden = (hidden: boolean) =>
    page.evaluate((hidden) => {
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
      Object.defineProperty(document, 'visibilityState', {
        configurable: true,
        get: () => (hidden ? 'hidden' : 'visible'),
      });
      document.dispatchEvent(new Event('visibilitychange'));
    }, hidden);
  await setHidden(true);
  // The scenario itself: the tab stays hidden for a while mid-answer.
  await page.waitForTimeout(500);
  await setHidden(false);
  await expect(status(page)).toHaveAttribute('data-status', 'done', { timeout: 20_000 });
  expect((await statsOf(page.request, user)).chatRequests).toBe(1);
});
