// The browser half of the SSR check: loads the server-rendered page in Chromium, waits until the
// hydrated page shows an event on both streams, and fails unless hydration kept the server's DOM,
// the console stayed clean and the counting endpoint saw exactly one connection per stream.
// Run: node --import tsx scripts/consumer/ssr-hydration.ts <page url> <counter origin>
import { chromium } from '@playwright/test';

import { chromiumLaunchOptions } from '../../e2e/chromium';

const [pageUrl, counterOrigin] = process.argv.slice(2);
if (!pageUrl || !counterOrigin)
  throw new Error('usage: ssr-hydration.ts <page url> <counter origin>');

async function counts(): Promise<Record<string, number>> {
  return (await fetch(`${counterOrigin}/count`)).json() as Promise<Record<string, number>>;
}

const problems: string[] = [];
const browser = await chromium.launch(chromiumLaunchOptions);
try {
  const page = await browser.newPage();
  page.on('console', (message) => {
    // Hydration mismatches are NG05xx errors or warnings; any other error or warning counts too.
    if (['error', 'warning'].includes(message.type()) || /NG0?5\d\d/.test(message.text()))
      problems.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  // Keeps the <p> the HTML parser inserted: hydration must adopt it, a client re-render replaces it.
  await page.addInitScript(() => {
    new MutationObserver((records, observer) => {
      for (const record of records)
        for (const node of record.addedNodes)
          if (node instanceof HTMLElement && node.getAttribute('aria-label') === 'stream') {
            Object.assign(window, { serverNode: node });
            observer.disconnect();
          }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(pageUrl);
  const stream = page.getByRole('status', { name: 'stream' });
  const resource = page.getByRole('status', { name: 'resource' });
  await stream.filter({ hasText: 'stream open: hello' }).waitFor({ timeout: 20_000 });
  await resource.filter({ hasText: 'resource resolved: ticks 5' }).waitFor({ timeout: 20_000 });
  const kept = await stream.evaluate(
    (element) => (window as { serverNode?: Element }).serverNode === element,
  );
  if (!kept)
    problems.push('hydration did not keep the server-rendered <p>: the page was re-rendered');
  // "Exactly once" needs a window after the first events: a reconnect would land within it.
  await page.waitForTimeout(1_000);
  const seen = await counts();
  if (seen['events'] !== 1 || seen['ticks'] !== 1 || seen['other'] !== 0)
    problems.push(`expected one request per stream, saw ${JSON.stringify(seen)}`);
  console.log(`ssr-hydration: ${await stream.innerText()} | ${await resource.innerText()}`);
  console.log(`ssr-hydration: requests ${JSON.stringify(seen)}`);
} finally {
  await browser.close();
}
if (problems.length) {
  for (const problem of problems) console.error(`test:consumer: FAIL: ${problem}`);
  process.exit(1);
}
console.log('ssr-hydration: hydrated, one connection per stream, no console errors or warnings');
