// Prints the figures of `npm run bench:delivery`: min/median/max over runs, and ratios against
// the raw consumer of the same transport on the same page.
import type { Scenario } from './bench-delivery-server';
import type { RunResult } from './bench-delivery-run';

type Figures = Extract<RunResult, { ok: true }>;
/** A per-run figure, e.g. `eventsPerSecond`. */
export type Metric = Exclude<keyof Figures, 'ok'>;

/** The runs of one consumer on one page in one scenario. */
export interface Row {
  consumer: string;
  zone: boolean;
  runs: RunResult[];
}

/**
 * The raw consumer a library consumer is compared with: same transport, same page.
 *
 * @example
 * baselineOf('ngx-fetch'); // 'raw-fetch'
 */
export function baselineOf(consumer: string): string {
  return consumer.includes('fetch') ? 'raw-fetch' : 'raw-event-source';
}

function values(row: Row, metric: Metric): number[] {
  return row.runs
    .filter((r): r is Figures => r.ok)
    .map((r) => r[metric])
    .sort((a, b) => a - b);
}

function median(sorted: number[]): number {
  if (!sorted.length) return NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function rate(n: number): string {
  if (Number.isNaN(n)) return '-';
  return n >= 100_000 ? `${(n / 1000).toFixed(0)}k` : `${(n / 1000).toFixed(1)}k`;
}

/**
 * The median of one figure over a row's successful runs (NaN when none succeeded).
 *
 * @example
 * medianOf(row, 'taskMsPer1k')
 */
export function medianOf(row: Row, metric: Metric): number {
  return median(values(row, metric));
}

const fixed = (digits: number) => (n: number) => (Number.isNaN(n) ? '-' : n.toFixed(digits));

function spread(row: Row, metric: Metric, format: (n: number) => string): string {
  const sorted = values(row, metric);
  if (!sorted.length) return '-';
  return [sorted[0], median(sorted), sorted[sorted.length - 1]].map(format).join('/');
}

function ratio(row: Row, rows: Row[], metric: Metric): string {
  const base = rows.find((r) => r.consumer === baselineOf(row.consumer) && r.zone === row.zone);
  if (!base || base === row) return '';
  const value = medianOf(row, metric) / medianOf(base, metric);
  return Number.isNaN(value) ? '-' : `${value.toFixed(2)}x`;
}

function line(cells: string[], widths: number[]): string {
  return cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' ');
}

function failures(row: Row): string {
  const errors = [...new Set(row.runs.filter((r) => !r.ok).map((r) => (r.ok ? '' : r.error)))];
  return errors.length ? `  ! ${errors.join('; ')}` : '';
}

/**
 * One table per scenario. Burst: throughput, main-thread time, change detections against
 * animation frames. Paced: main-thread time, change detections per second, latency.
 *
 * @example
 * console.log(formatTable({ kind: 'burst', events: 100_000 }, rows, 3));
 */
export function formatTable(scenario: Scenario, rows: Row[], runs: number): string {
  const burst = scenario.kind === 'burst';
  const title = burst
    ? `Burst: ${scenario.events.toLocaleString('en')} events as fast as possible`
    : `Paced: ${scenario.rate.toLocaleString('en')} events/s for ${scenario.seconds} s`;
  const head = burst
    ? [
        'consumer',
        'page',
        'events/s',
        'task ms/1k',
        'script ms/1k',
        'CD',
        'frames',
        'max task ms',
        'ev/s vs raw',
        'task vs raw',
      ]
    : [
        'consumer',
        'page',
        'events/s',
        'task ms/1k',
        'script ms/1k',
        'CD/s',
        'p50 ms',
        'p99 ms',
        'task vs raw',
      ];
  const widths = burst
    ? [27, 8, 20, 17, 17, 18, 10, 12, 12, 12]
    : [27, 8, 20, 17, 17, 17, 8, 8, 12];
  const out = [
    `\n${title}; min/median/max over ${runs} run(s); ratios are medians against the raw consumer of the same transport on the same page`,
    line(head, widths),
  ];
  for (const row of rows) {
    const common = [
      row.consumer,
      row.zone ? 'zone.js' : 'zoneless',
      spread(row, 'eventsPerSecond', rate),
      spread(row, 'taskMsPer1k', fixed(1)),
      spread(row, 'scriptMsPer1k', fixed(1)),
    ];
    const rest = burst
      ? [
          spread(row, 'changeDetections', fixed(0)),
          spread(row, 'frames', fixed(0)),
          fixed(0)(medianOf(row, 'longestTaskMs')),
          ratio(row, rows, 'eventsPerSecond'),
          ratio(row, rows, 'taskMsPer1k'),
        ]
      : [
          spread(row, 'changeDetectionsPerSecond', fixed(0)),
          fixed(1)(medianOf(row, 'p50')),
          fixed(1)(medianOf(row, 'p99')),
          ratio(row, rows, 'taskMsPer1k'),
        ];
    out.push(line([...common, ...rest], widths) + failures(row));
  }
  return out.join('\n');
}
