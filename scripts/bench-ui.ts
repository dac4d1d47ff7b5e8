// npm run bench:ui — drives Chromium against production builds of the dashboard and of a naive
// baseline (projects/bench-naive), both served by the mock server on one loopback port. For each,
// the server emits 1,000 metric events/s for 10 s to the open page, and the page reports
// change-detection passes, long tasks and event→DOM latency.
import type { Browser } from '@playwright/test';
import { execSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';

import { launchChromium, serveBuiltApp } from './lib/served-app';

const PORT = 3300;
const RATE = 1000;
const SECONDS = 10;

interface Figures {
  cdPerSecond: number;
  longTasks: number;
  p50: number;
  p99: number;
  rendered: number;
}

async function measure(
  browser: Browser,
  base: string,
  path: string,
  user: string,
): Promise<Figures> {
  const context = await browser.newContext({ baseURL: base });
  await context.request.post('/api/session', { data: { username: user } });
  const page = await context.newPage();
  await page.addInitScript({ path: 'scripts/bench-ui-instrument.js' });
  await page.goto(path);
  await page.waitForSelector('[data-latest-at]', { state: 'attached' });
  await page.waitForTimeout(2000);
  await page.evaluate(() => {
    const bench = (
      window as unknown as {
        __sseBench: { renders: number; latencies: number[]; longTasks: number };
      }
    ).__sseBench;
    bench.renders = 0;
    bench.latencies = [];
    bench.longTasks = 0;
  });
  await context.request.post('/api/load', {
    data: { event: 'metric', count: RATE * SECONDS, ratePerSec: RATE },
  });
  await page.waitForTimeout(SECONDS * 1000 + 500);
  const { renders, latencies, longTasks } = await page.evaluate(
    () =>
      (
        window as unknown as {
          __sseBench: { renders: number; latencies: number[]; longTasks: number };
        }
      ).__sseBench,
  );
  await context.close();
  const sorted = [...latencies].sort((a, b) => a - b);
  const percentile = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
  return {
    cdPerSecond: renders / (SECONDS + 0.5),
    longTasks,
    p50: percentile(50),
    p99: percentile(99),
    rendered: sorted.length,
  };
}

execSync('npx ng build dashboard && npx ng build bench-naive', { stdio: 'inherit' });
rmSync('dist/dashboard/browser/naive', { recursive: true, force: true });
cpSync('dist/bench-naive/browser', 'dist/dashboard/browser/naive', { recursive: true });

const app = await serveBuiltApp(PORT, ['--metrics-ms', '0']);
try {
  const browser = await launchChromium();
  const library = await measure(browser, app.base, '/', 'bench-library');
  const naive = await measure(browser, app.base, '/naive/', 'bench-naive');
  await browser.close();

  const row = (name: string, f: Figures) =>
    `${name.padEnd(34)}${f.cdPerSecond.toFixed(1).padStart(10)}${String(f.longTasks).padStart(12)}${f.p50.toFixed(0).padStart(9)}${f.p99.toFixed(0).padStart(9)}${String(f.rendered).padStart(10)}`;
  console.log(`\n${RATE} metric events/s for ${SECONDS} s, production builds, headless Chromium`);
  console.log(
    `${''.padEnd(34)}${'CD/s'.padStart(10)}${'long tasks'.padStart(12)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'events'.padStart(10)}`,
  );
  console.log(row('ngx-sse (batching, zoneless)', library));
  console.log(row('naive (signal.set per event, zone)', naive));
  console.log(
    `goals for ngx-sse: CD/s <= 60: ${library.cdPerSecond <= 60 ? 'met' : 'NOT met'}; long tasks 0: ${library.longTasks === 0 ? 'met' : 'NOT met'}; p99 < 50 ms: ${library.p99 < 50 ? 'met' : 'NOT met'}`,
  );
  console.log(
    `ratios naive/ngx-sse: CD/s ${(naive.cdPerSecond / library.cdPerSecond).toFixed(1)}x, p99 ${(naive.p99 / library.p99).toFixed(1)}x`,
  );
} finally {
  app.stop();
}
