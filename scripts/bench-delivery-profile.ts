// `npm run bench:delivery -- --profile <consumer>`: a CDP CPU profile of one run, summarized as
// the functions with the most self time. The page is built with NG_BUILD_MANGLE=0 (production
// optimization, tree shaking and minified syntax, but original identifiers), so names are
// readable without source maps and the code is otherwise the production code.
import type { Browser } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';

import { measureRun, type RunResult, type RunTarget } from './bench-delivery-run';
import type { DeliveryServer } from './bench-delivery-server';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/**
 * Self time per function (name + file:line:column), largest first, idle excluded.
 *
 * @example
 * topSelfTime(profile, 15).forEach((line) => console.log(line));
 */
export function topSelfTime(profile: Profile, count: number): string[] {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const frame = nodes.get(id)?.callFrame;
    if (!frame || frame.functionName === '(idle)') return;
    const where = frame.url
      ? ` ${basename(frame.url)}:${frame.lineNumber + 1}:${frame.columnNumber + 1}`
      : '';
    const key = `${frame.functionName || '(anonymous)'}${where}`;
    const us = profile.timeDeltas[i] ?? 0;
    self.set(key, (self.get(key) ?? 0) + us);
    total += us;
  });
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(
      ([key, us]) =>
        `${(us / 1000).toFixed(1).padStart(9)} ms ${((100 * us) / total).toFixed(1).padStart(5)} %  ${key}`,
    );
}

/**
 * Runs `target` once with the sampling profiler on, writes the raw profile (open it in DevTools)
 * and returns the run's figures and the top 15 self-time lines.
 *
 * @example
 * const { lines } = await profileRun(browser, server, target, 'dist/x.cpuprofile');
 */
export async function profileRun(
  browser: Browser,
  server: DeliveryServer,
  target: RunTarget,
  file: string,
): Promise<{ result: RunResult; lines: string[] }> {
  let profile: Profile | undefined;
  const result = await measureRun(browser, server, target, {
    before: async (cdp) => {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
    },
    after: async (cdp) => {
      profile = (await cdp.send('Profiler.stop')).profile as unknown as Profile;
    },
  });
  if (!profile) return { result, lines: [] };
  writeFileSync(file, JSON.stringify(profile));
  return { result, lines: topSelfTime(profile, 15) };
}
