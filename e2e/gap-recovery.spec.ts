import { expect, pinJitter, signIn, test } from './fixtures';
import { prodPort } from './ports';

// The production build served by the mock server with `--history 20`: an absence during which
// more than 20 events are published cannot be replayed, and the server says so with `reset`.
test.use({ baseURL: `http://127.0.0.1:${prodPort}` });

test('10. back after a gap longer than the history: the view is refetched and a notice says so', async ({
  page,
  user,
}) => {
  await pinJitter(page);
  await signIn(page, user);
  const api = page.request;

  // Take the stream away: the browser goes offline (the test's own API requests do not) and the
  // server ends the stream, so every reconnect fails until the browser is back online.
  await page.context().setOffline(true);
  expect((await api.post('/api/faults', { data: { kind: 'drop' } })).status()).toBe(200);
  await expect(page.getByRole('status', { name: /^Connection reconnecting/ })).toBeVisible();

  // While away: a job runs to the end and 30 notifications arrive (more than the history holds).
  const job = await (
    await api.post('/api/jobs', { data: { name: 'nightly', durationMs: 1500 } })
  ).json();
  const titles = Array.from({ length: 30 }, (_, i) => `missed ${String(i + 1).padStart(2, '0')}`);
  for (const title of titles) {
    expect(
      (
        await api.post('/api/notifications', { data: { level: 'INFO', title, message: '' } })
      ).status(),
    ).toBe(201);
  }
  await expect
    .poll(async () => {
      const { jobs } = (await (await api.get('/api/jobs')).json()) as {
        jobs: { jobId: string; state: string }[];
      };
      return jobs.find((j) => j.jobId === job.jobId)?.state;
    })
    .toBe('done');

  // Back: `online` retries at once, the resume meets `reset`, and the dashboard reloads.
  await page.context().setOffline(false);
  await expect(page.getByRole('status', { name: /^Connection open/ })).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.locator('mat-snack-bar-container')).toContainText('The view was refreshed', {
    timeout: 10_000,
  });

  await page.getByRole('link', { name: /^Jobs/ }).first().click();
  await expect(page.getByRole('article', { name: 'nightly' })).toHaveAttribute(
    'data-state',
    'done',
  );

  await page
    .getByRole('link', { name: /^Notifications/ })
    .first()
    .click();
  const list = page.getByRole('list', { name: 'Notifications' });
  for (const title of titles) {
    await expect(list.getByRole('listitem', { name: `INFO: ${title}` })).toHaveCount(1);
  }
});
