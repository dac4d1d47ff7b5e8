// npm run bench:delivery — how fast events reach a subscriber in headless Debian Chromium, for
// raw consumers and the library, on zoneless and zone.js production builds of
// projects/bench-delivery, served with the stream from a loopback server in this process.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';

import { profileRun } from './bench-delivery-profile';
import { measureRun, type RunResult } from './bench-delivery-run';
import { startDeliveryServer, type Scenario } from './bench-delivery-server';
import { formatGoals } from './bench-delivery-goals';
import { formatTable, type Row } from './bench-delivery-table';
import { launchChromium } from './lib/served-app';

const USAGE = `flags:
  --consumer a,b      a subset of the consumers (default: all)
  --scenario burst,paced   --page zoneless,zone
  --runs N (default 5 burst, 3 paced)   --events N (burst size, default 100000)   --quick (1 run, smaller)
  --skip-build        reuse dist/
  --profile <name>    one profiled run of one consumer (with --page, --scenario)`;

const CONSUMERS = [
  'raw-event-source',
  'raw-event-source-ids',
  'ngx-native',
  'ngx-native-microtask',
  'ngx-native-animation-frame',
  'ngx-native-sync',
  'raw-fetch',
  'ngx-fetch',
  'sse-resource',
];

// Other work on the machine skews every figure; the load average says how much there was.
const load = () => `load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores`;

function parseFlags() {
  try {
    return parseArgs({
      options: {
        consumer: { type: 'string' },
        scenario: { type: 'string', default: 'burst,paced' },
        page: { type: 'string', default: 'zoneless,zone' },
        runs: { type: 'string' },
        events: { type: 'string' },
        quick: { type: 'boolean', default: false },
        'skip-build': { type: 'boolean', default: false },
        profile: { type: 'string' },
      },
    }).values;
  } catch (error) {
    // An unknown or malformed flag: say which, and how the flags go, without a stack trace.
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
}

const args = parseFlags();

function list(value: string | undefined, allowed: string[], flag: string): string[] {
  const chosen = value ? value.split(',').map((s) => s.trim()) : allowed;
  const unknown = chosen.filter((c) => !allowed.includes(c));
  if (unknown.length) {
    console.error(`--${flag}: unknown ${unknown.join(', ')}; one or more of ${allowed.join(', ')}`);
    process.exit(2);
  }
  return chosen;
}

function positive(value: string | undefined, fallback: number, flag: string): number {
  const n = value === undefined ? fallback : Number(value);
  if (!Number.isInteger(n) || n < 1) {
    console.error(`--${flag}: expected a positive integer, got ${value}`);
    process.exit(2);
  }
  return n;
}

// Paced runs take 10 s each: by default only the zero-configuration consumers, so the whole
// default run stays near 7 minutes; name others with --consumer.
const PACED_DEFAULT = ['raw-event-source', 'ngx-native', 'raw-fetch', 'ngx-fetch', 'sse-resource'];

const profiling = args.profile !== undefined;
const consumers = list(
  profiling ? args.profile : args.consumer,
  CONSUMERS,
  profiling ? 'profile' : 'consumer',
);
const pages = list(args.page, ['zoneless', 'zone'], 'page').map((p) => p === 'zone');
// Bursts take seconds, paced runs 10 s: bursts get more runs, since their medians over 3 runs moved
// by up to 5 % between two rows of the same configuration (default and explicit animation-frame).
const runsOf = (kind: Scenario['kind']) =>
  profiling ? 1 : positive(args.runs, args.quick ? 1 : kind === 'burst' ? 5 : 3, 'runs');
const events = positive(args.events, args.quick ? 20_000 : 100_000, 'events');
const scenarios: Scenario[] = list(args.scenario, ['burst', 'paced'], 'scenario').map((s) =>
  s === 'burst'
    ? { kind: 'burst', events }
    : { kind: 'paced', rate: 5000, seconds: args.quick ? 3 : 10 },
);

const out = profiling ? 'dist/bench-delivery-profile' : 'dist/bench-delivery';
if (!args['skip-build']) {
  // Profiling keeps identifiers (NG_BUILD_MANGLE=0) in an otherwise production build.
  const env = profiling ? { ...process.env, NG_BUILD_MANGLE: '0' } : process.env;
  const build = (config: string, path: string) =>
    execSync(`npx ng build bench-delivery -c ${config} --output-path ${path}`, {
      stdio: 'inherit',
      env,
    });
  if (pages.includes(false)) build('production', out);
  if (pages.includes(true)) build('zone', `${out}-zone`);
} else {
  // Without this, a missing build shows up as the page server's ENOENT stack trace mid-run.
  const missing = pages
    .map((zone) => `${out}${zone ? '-zone' : ''}/browser/index.html`)
    .filter((file) => !existsSync(file));
  if (missing.length) {
    console.error(`--skip-build: no build at ${missing.join(', ')}; run once without --skip-build`);
    process.exit(2);
  }
}

const server = await startDeliveryServer({
  '/plain/': `${out}/browser`,
  '/zone/': `${out}-zone/browser`,
});
const browser = await launchChromium();
const version = browser.version();
try {
  if (profiling) {
    const target = { consumer: consumers[0], zone: pages[0], scenario: scenarios[0] };
    const file = `dist/${target.consumer}-${target.zone ? 'zone' : 'zoneless'}-${target.scenario.kind}.cpuprofile`;
    const { result, lines } = await profileRun(browser, server, target, file);
    console.log(
      `\nCPU profile, ${target.consumer} on a ${target.zone ? 'zone.js' : 'zoneless'} page, ${target.scenario.kind}, Chromium ${version}`,
    );
    console.log(
      result.ok
        ? `events/s ${result.eventsPerSecond.toFixed(0)}, task ms/1k ${result.taskMsPer1k.toFixed(1)} (with the profiler on)`
        : `run failed: ${result.error}`,
    );
    console.log(`top 15 self time (written to ${file}):\n${lines.join('\n')}`);
  } else {
    console.log(
      `\nChromium ${version}, production builds, loopback server, Node ${process.version}, ${load()}`,
    );
    const measured = { burst: [] as Row[], paced: [] as Row[] };
    for (const scenario of scenarios) {
      const names =
        scenario.kind === 'paced' && !args.consumer
          ? consumers.filter((c) => PACED_DEFAULT.includes(c))
          : consumers;
      const rows: Row[] = names.flatMap((consumer) =>
        pages.map((zone) => ({ consumer, zone, runs: [] as RunResult[] })),
      );
      // Runs outermost, so slow drift of the machine spreads over every consumer alike.
      const runs = runsOf(scenario.kind);
      for (let run = 0; run < runs; run++) {
        for (const row of rows) {
          row.runs.push(
            await measureRun(browser, server, { consumer: row.consumer, zone: row.zone, scenario }),
          );
          process.stderr.write('.');
        }
      }
      process.stderr.write('\n');
      measured[scenario.kind] = rows;
      console.log(formatTable(scenario, rows, runs));
      console.log(`after this table: ${load()}`);
    }
    console.log(formatGoals(measured));
  }
} finally {
  await browser.close();
  await server.close();
}
