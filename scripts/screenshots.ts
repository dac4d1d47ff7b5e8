// npm run docs:screenshots — the README's pictures of the overview and diagnostics, taken from
// the production build with live data: a few notifications and jobs, and a 503 × 3 outage.
import { execSync } from 'node:child_process';

import { launchChromium, serveBuiltApp } from './lib/served-app';

execSync('npx ng build dashboard', { stdio: 'inherit' });
const app = await serveBuiltApp(3400, ['--retry-ms', '500']);
try {
  const browser = await launchChromium();
  const page = await browser.newPage({ baseURL: app.base, viewport: { width: 1280, height: 800 } });
  await page.goto('/login');
  await page.getByLabel('Username').fill('alice');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('status', { name: /^Connection open/ }).waitFor();

  for (const [level, title] of [
    ['INFO', 'Nightly backup finished'],
    ['WARNING', 'Disk 80 % full'],
    ['ERROR', 'Payment service unreachable'],
  ]) {
    await page.request.post('/api/notifications', {
      data: { level, title, message: 'from the demo' },
    });
  }
  await page.request.post('/api/jobs', { data: { name: 'Export invoices', durationMs: 60_000 } });
  await page.request.post('/api/jobs', { data: { name: 'Reindex search', durationMs: 3000 } });
  await page.waitForTimeout(8000);
  await page.screenshot({ path: 'docs/overview.png' });

  await page.getByRole('link', { name: 'Diagnostics', exact: true }).click();
  await page.getByRole('button', { name: '503 × 3' }).click();
  await page.getByRole('button', { name: 'Drop connection' }).click();
  await page
    .getByRole('status', { name: /^Connection reconnecting \(http-503\), attempt 3/ })
    .waitFor({ timeout: 30_000 });
  await page.getByRole('status', { name: /^Connection open/ }).waitFor({ timeout: 60_000 });
  await page.screenshot({ path: 'docs/diagnostics.png' });
  await browser.close();
  console.log('docs/overview.png and docs/diagnostics.png written');
} finally {
  app.stop();
}
