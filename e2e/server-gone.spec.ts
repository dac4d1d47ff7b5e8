import { expect, signIn, test } from './fixtures';

// The server "goes away" for this page only: its stream and lazy page chunks are refused, while
// the test's own requests (the drop fault) still reach the server.
test('server gone: a banner says the screen is stale, a page that cannot load says so, both recover', async ({
  page,
  context,
  user,
}) => {
  const angularErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && message.text().startsWith('ERROR')) {
      angularErrors.push(message.text());
    }
  });
  await signIn(page, user);
  const gone = (route: { abort: (code: string) => Promise<void> }) =>
    route.abort('connectionrefused');
  await page.route('**/api/**', gone);
  await page.route(/\/chunk-[\w-]+\.js/, gone);
  const dropped = await context.request.post('/api/faults', { data: { kind: 'drop' } });
  expect(dropped.status()).toBe(200);

  const banner = page.getByRole('region', { name: 'Live updates interrupted' });
  await expect(banner).toContainText(/Reconnecting \(network\) since \d\d:\d\d:\d\d: what you see/);

  await page.getByRole('link', { name: 'Jobs' }).click();
  await expect(page.locator('mat-snack-bar-container')).toContainText(
    'Could not open /jobs: its code could not be downloaded',
  );
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { name: 'Overview', level: 2 })).toBeVisible();

  await page.unrouteAll();
  // The backoff's next attempt reconnects; its delay grows with each failure, up to 8 s here.
  await expect(banner).toHaveCount(0, { timeout: 20_000 });
  await page.getByRole('link', { name: 'Jobs' }).click();
  await expect(page.getByRole('heading', { name: 'Jobs', level: 2 })).toBeVisible();
  expect(angularErrors).toEqual([]);
});
