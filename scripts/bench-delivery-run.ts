// One measured run of `npm run bench:delivery`: a fresh page for one consumer, CDP main-thread
// metrics around the stream, and the page's own counts.
import type { Browser, CDPSession, Page } from '@playwright/test';

import type { DeliveryFigures } from '../projects/bench-delivery/src/sink';
import type { DeliveryServer, Scenario } from './bench-delivery-server';

/** What the page leaves on `window.__delivery`. */
type PageFigures = Omit<DeliveryFigures, 'done'>;

/** The figures of one run, or why it has none. */
export type RunResult =
  | {
      ok: true;
      eventsPerSecond: number;
      taskMsPer1k: number;
      scriptMsPer1k: number;
      changeDetections: number;
      frames: number;
      changeDetectionsPerSecond: number;
      p50: number;
      p99: number;
      longestTaskMs: number;
    }
  | { ok: false; error: string };

export interface RunTarget {
  consumer: string;
  zone: boolean;
  scenario: Scenario;
}

let nextId = 0;

function expectedEvents(scenario: Scenario): number {
  return scenario.kind === 'burst' ? scenario.events : scenario.rate * scenario.seconds;
}

async function mainThreadSeconds(cdp: CDPSession): Promise<{ task: number; script: number }> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const value = (name: string) => metrics.find((m) => m.name === name)?.value ?? NaN;
  return { task: value('TaskDuration'), script: value('ScriptDuration') };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

const readFigures = (page: Page) =>
  page.evaluate((): PageFigures & { done: null } => ({
    // Without `done`: a Promise does not cross to Node.
    ...(window as unknown as { __delivery: PageFigures & { done: unknown } }).__delivery,
    done: null,
  }));

/**
 * Opens the page, waits for its stream, then starts it. `around` wraps the measured window
 * (the profile mode starts and stops the CPU profiler there).
 *
 * @example
 * const result = await measureRun(browser, server, {
 *   consumer: 'ngx-native', zone: true, scenario: { kind: 'burst', events: 100_000 },
 * });
 */
export async function measureRun(
  browser: Browser,
  server: DeliveryServer,
  target: RunTarget,
  around?: { before(cdp: CDPSession): Promise<void>; after(cdp: CDPSession): Promise<void> },
): Promise<RunResult> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const id = `run-${++nextId}`;
    const expected = expectedEvents(target.scenario);
    const query = new URLSearchParams({
      consumer: target.consumer,
      expected: String(expected),
      stream: `/sse/${id}`,
    });
    const connected = server.connected(id);
    await page.goto(`${server.base}/${target.zone ? 'zone' : 'plain'}/?${query}`);
    const done = page
      .evaluate(
        () => (window as unknown as { __delivery: { done: Promise<void> } }).__delivery.done,
      )
      // The page may close first (a timed-out run): nothing to report from here then.
      .catch(() => undefined);
    const first = await Promise.race([connected.then(() => 'connected'), done.then(() => 'done')]);
    if (first === 'done')
      return { ok: false, error: (await readFigures(page)).error ?? 'ended early' };
    // Let bootstrap and the connection's open settle, so the window holds only delivery work.
    await page.waitForTimeout(300);
    await around?.before(cdp);
    // Frames are counted from the start of the stream, not from the first delivery: a consumer
    // that defers its first delivery to a frame must not shrink the window it is judged in.
    await page.evaluate(() => {
      const figures = (window as unknown as { __delivery: PageFigures }).__delivery;
      figures.framesAtStart = figures.frames;
    });
    const before = await mainThreadSeconds(cdp);
    const startedAt = server.start(id, target.scenario);
    const timeoutMs =
      target.scenario.kind === 'burst' ? 120_000 : target.scenario.seconds * 1000 + 20_000;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const finished = await Promise.race([
      done.then(() => true),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs))),
    ]);
    clearTimeout(timer);
    const after = await mainThreadSeconds(cdp);
    await around?.after(cdp);
    // A few frames more, so the change detection of the last batch is counted.
    await page.waitForTimeout(100);
    const figures = await readFigures(page);
    if (figures.error) return { ok: false, error: figures.error };
    if (!finished) {
      return { ok: false, error: `timed out with ${figures.received}/${expected} events` };
    }
    const sorted = figures.latencies.sort((a, b) => a - b);
    const per1k = (seconds: number) => (seconds * 1000) / (expected / 1000);
    const changeDetections = figures.changeDetections - figures.changeDetectionsAtFirst;
    // The rate counts the change detections between the first and the last delivery, the window
    // it divides by: the one that follows the last delivery (and the 100 ms tail) lies after it.
    const changeDetectionsWithin = figures.changeDetectionsAtLast - figures.changeDetectionsAtFirst;
    return {
      ok: true,
      eventsPerSecond: expected / ((figures.lastAt - startedAt) / 1000),
      taskMsPer1k: per1k(after.task - before.task),
      scriptMsPer1k: per1k(after.script - before.script),
      changeDetections,
      // Frames that ran from the start of the stream up to and including the last delivery.
      frames: figures.framesAtLast - figures.framesAtStart,
      changeDetectionsPerSecond:
        changeDetectionsWithin / Math.max(0.001, (figures.lastAt - figures.firstAt) / 1000),
      p50: percentile(sorted, 50),
      p99: percentile(sorted, 99),
      longestTaskMs: figures.longestTaskMs,
    };
  } finally {
    await context.close();
  }
}
