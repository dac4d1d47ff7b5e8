// npm run bench:tabs — the production dashboard on the mock server (loopback), in headless
// Chromium tabs of one browser context (one profile, so they share with withCrossTabSharing()):
// 1. the server's open streams for the user with 1, 5 and 10 tabs;
// 2. 20 handovers (the leader tab closes while 20 notifications/s flow): the gap a remaining tab
//    sees (last notification before the close → first after it) and the time to the new
//    leader's open, p50 and p95.
import type { APIRequestContext, BrowserContext, Page } from '@playwright/test';
import { execSync } from 'node:child_process';

import { launchChromium, serveBuiltApp } from './lib/served-app';

const PORT = 3401;
const HANDOVERS = 20;
const RATE = 20;

interface Bench {
  opens: number[];
  live: boolean;
  seen: Record<string, number>;
}

const bench = (page: Page): Promise<Bench> =>
  page.evaluate(() => (window as unknown as { __tabsBench: Bench }).__tabsBench);

/** Open streams of `user`: `/api/debug/stats` where the server has it, else `/api/health`. */
async function streamsOf(request: APIRequestContext, user: string): Promise<number> {
  const stats = await request.get('/api/debug/stats');
  if (stats.ok()) {
    const body = (await stats.json()) as { users: Record<string, { streams: number }> };
    return body.users[user]?.streams ?? 0;
  }
  const health = (await (await request.get('/api/health')).json()) as {
    streams: { byUser?: Record<string, number> };
  };
  return health.streams.byUser?.[user] ?? 0;
}

async function openTab(context: BrowserContext, path = '/notifications'): Promise<Page> {
  const page = await context.newPage();
  await page.goto(path);
  await page
    .getByRole('status', { name: /^Connection open/ })
    .waitFor({ state: 'visible', timeout: 20_000 });
  return page;
}

async function until<T>(check: () => Promise<T | undefined>, ms: number): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function session(context: BrowserContext, user: string): Promise<void> {
  const response = await context.request.post('/api/session', { data: { username: user } });
  if (!response.ok()) throw new Error(`sign-in failed: ${response.status()}`);
}

async function connectionsFor(context: BrowserContext, user: string, tabs: number) {
  await session(context, user);
  const pages: Page[] = [];
  for (let i = 0; i < tabs; i++) pages.push(await openTab(context, '/'));
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const streams = await streamsOf(context.request, user);
  for (const page of pages) await page.close();
  return streams;
}

/** How many numbers are absent between the lowest and highest `bt-` title shown. */
function gapsIn(titles: string[]): number {
  const numbers = titles.map((title) => Number(title.slice(3)));
  return Math.max(...numbers) - Math.min(...numbers) + 1 - new Set(numbers).size;
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};

execSync('npx ng build dashboard', { stdio: 'inherit' });
const app = await serveBuiltApp(PORT);
const browser = await launchChromium();
try {
  const counts: [number, number][] = [];
  for (const tabs of [1, 5, 10]) {
    const context = await browser.newContext({ baseURL: app.base });
    counts.push([tabs, await connectionsFor(context, `bench-tabs-${tabs}`, tabs)]);
    await context.close();
  }

  const context = await browser.newContext({ baseURL: app.base });
  await context.addInitScript({ path: 'scripts/bench-tabs-instrument.js' });
  const user = 'bench-handover';
  await session(context, user);
  const pages = [await openTab(context), await openTab(context), await openTab(context)];
  let posting = true;
  let sent = 0;
  const poster = (async () => {
    while (posting) {
      const title = `bt-${String(++sent).padStart(5, '0')}`;
      await context.request.post('/api/notifications', {
        data: { level: 'INFO', title, message: 'bench' },
      });
      await new Promise((resolve) => setTimeout(resolve, 1000 / RATE));
    }
  })();
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const gaps: number[] = [];
  let missing = 0;
  const opens: number[] = [];
  for (let i = 0; i < HANDOVERS; i++) {
    const states = await Promise.all(pages.map(bench));
    const leader = states.findIndex((state) => state.live);
    if (leader < 0) throw new Error('no tab holds the stream');
    const [closing] = pages.splice(leader, 1);
    const observer = pages[0];
    const closedAt = Date.now();
    await closing.close();
    opens.push(
      await until(async () => {
        const after = (await Promise.all(pages.map(bench))).flatMap((s) => s.opens);
        const first = after.filter((at) => at >= closedAt).sort((a, b) => a - b)[0];
        return first === undefined ? undefined : first - closedAt;
      }, 10_000),
    );
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const titles = (await bench(observer)).seen;
    missing += gapsIn(Object.keys(titles));
    const seen = Object.values(titles);
    const before = Math.max(...seen.filter((at) => at < closedAt));
    const after = Math.min(...seen.filter((at) => at >= closedAt));
    gaps.push(after - before);
    pages.push(await openTab(context));
  }
  posting = false;
  await poster;
  await context.close();

  console.log('\nserver connections for the user, withCrossTabSharing(), one browser profile');
  for (const [tabs, streams] of counts) {
    console.log(
      `  ${String(tabs).padStart(2)} tabs: ${streams} stream(s) (ratio to tabs ${(streams / tabs).toFixed(2)})`,
    );
  }
  console.log(`\n${HANDOVERS} handovers (leader tab closed) at ${RATE} notifications/s, 3 tabs`);
  console.log(
    `  gap seen by a remaining tab (last before → first after): p50 ${percentile(gaps, 50)} ms, p95 ${percentile(gaps, 95)} ms`,
  );
  console.log(
    `  close → new leader's open: p50 ${percentile(opens, 50)} ms, p95 ${percentile(opens, 95)} ms`,
  );
  console.log(
    `  notifications sent: ${sent}; missing between the first and last one a remaining tab showed: ${missing}`,
  );
} finally {
  await browser.close();
  app.stop();
}
