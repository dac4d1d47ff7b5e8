import { type APIRequestContext, type Page, expect, test as base } from '@playwright/test';

import type { DebugStats } from '../mock-server/src/wire';

export { expect };

/** A fresh user per test, so streams, history and limits never leak between tests. */
export const test = base.extend<{ user: string }>({
  // eslint-disable-next-line no-empty-pattern
  user: async ({}, use, testInfo) => {
    await use(
      `e2e-${testInfo.workerIndex}-${Date.now().toString(36)}-${testInfo.testId.slice(0, 6)}`,
    );
  },
});

/** The connection status chip, found by its accessible name as a screen reader would. */
export const chip = (page: Page, status: string) =>
  page.getByRole('status', { name: new RegExp(`^Connection ${status}`) });

/** Signs in through the login page and waits for the stream to be open. */
export async function signIn(page: Page, user: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Username').fill(user);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(chip(page, 'open')).toBeVisible({ timeout: 20_000 });
}

/**
 * Loads a route and waits for the stream. A full page load starts a fresh stream (no
 * Last-Event-ID), so events published before it is open are, rightly, not replayed to it.
 */
export async function visit(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expect(chip(page, 'open')).toBeVisible({ timeout: 20_000 });
}

/** What the mock server counts for `user` (its `--faults`-only `/api/debug/stats`). */
export async function statsOf(
  request: APIRequestContext,
  user: string,
): Promise<{ streams: number; chatRequests: number }> {
  const stats = (await (await request.get('/api/debug/stats')).json()) as DebugStats;
  return stats.users[user] ?? { streams: 0, chatRequests: 0 };
}

/** Open streams the mock server holds for `user`. */
export async function streamsOf(request: APIRequestContext, user: string): Promise<number> {
  return (await statsOf(request, user)).streams;
}

/** Pins backoff jitter (full jitter uses Math.random) so delays are their ceilings. */
export async function pinJitter(page: Page): Promise<void> {
  await page.addInitScript(() => {
    Math.random = () => 1;
  });
}
