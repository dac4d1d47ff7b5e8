// npm run docs:screenshots — the docs' pictures of the overview, assistant and diagnostics pages,
// at desktop and phone sizes, light and dark, taken from the production build with live data: a
// few notifications and jobs, a streamed answer, and a 503 × 3 outage.
import type { Browser, Page } from '@playwright/test';
import { execSync } from 'node:child_process';

import { launchChromium, serveBuiltApp } from './lib/served-app';

const PORT = Number(process.env['SCREENSHOTS_PORT'] ?? 3400);
const SIZES = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 390, height: 844 },
} as const;
const SCHEMES = ['light', 'dark'] as const;

/** `docs/overview.png` is the desktop light one (the README shows it); others say what differs. */
function file(page: string, size: keyof typeof SIZES, scheme: (typeof SCHEMES)[number]): string {
  const suffix = [size === 'phone' ? 'phone' : '', scheme === 'dark' ? 'dark' : '']
    .filter(Boolean)
    .join('-');
  return `docs/${page}${suffix ? `-${suffix}` : ''}.png`;
}

/** On a phone the navigation is a drawer behind the menu button. */
async function open(page: Page, label: string, phone: boolean): Promise<void> {
  if (phone) await page.getByRole('button', { name: 'Navigation' }).click();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: label }).click();
  await page.getByRole('heading', { level: 2, name: label }).waitFor();
  // Let the drawer finish closing.
  await page.waitForTimeout(500);
}

async function shoot(
  browser: Browser,
  base: string,
  size: keyof typeof SIZES,
  scheme: (typeof SCHEMES)[number],
): Promise<string[]> {
  const context = await browser.newContext({
    baseURL: base,
    viewport: SIZES[size],
    colorScheme: scheme,
  });
  const page = await context.newPage();
  const phone = size === 'phone';
  const written: string[] = [];
  const save = async (name: string) => {
    const path = file(name, size, scheme);
    await page.screenshot({ path });
    written.push(path);
  };

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
  // Enough metric events for every series to draw a line.
  await page.waitForTimeout(10_000);
  // On a phone the cards fill the first screen; the chart is the picture worth showing.
  if (phone) await page.locator('app-metric-chart').scrollIntoViewIfNeeded();
  await save('overview');

  await open(page, 'Assistant', phone);
  await page.getByLabel('Prompt').fill('How do reconnects work?');
  await page.getByRole('button', { name: 'Send' }).click();
  await page.locator('app-assistant-page [data-status="done"]').waitFor({ timeout: 30_000 });
  await save('assistant');

  await open(page, 'Diagnostics', phone);
  await page.getByRole('button', { name: '503 × 3' }).click();
  await page
    .getByRole('status', { name: /^Connection reconnecting \(http 503\), attempt \d/ })
    .waitFor({ timeout: 30_000 });
  await page.getByRole('status', { name: /^Connection open/ }).waitFor({ timeout: 60_000 });
  await save('diagnostics');
  await context.close();
  return written;
}

execSync('npx ng build dashboard', { stdio: 'inherit' });
// A short retry keeps the outage quick.
const app = await serveBuiltApp(PORT, ['--retry-ms', '500']);
try {
  const browser = await launchChromium();
  const written: string[] = [];
  for (const size of Object.keys(SIZES) as (keyof typeof SIZES)[]) {
    for (const scheme of SCHEMES) written.push(...(await shoot(browser, app.base, size, scheme)));
  }
  await browser.close();
  console.log(`written: ${written.join(', ')}`);
} finally {
  app.stop();
}
