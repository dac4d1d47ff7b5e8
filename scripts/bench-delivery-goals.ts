// The goals of issue 15 checked against the medians `npm run bench:delivery` measured, so a
// before/after run says at once which are met. Goals whose rows were not run are skipped.
import { type Row, baselineOf, medianOf } from './bench-delivery-table';

interface Rows {
  burst: Row[];
  paced: Row[];
}

function find(rows: Row[], consumer: string, zone: boolean): Row | undefined {
  return rows.find((r) => r.consumer === consumer && r.zone === zone);
}

function ratio(
  rows: Row[],
  consumer: string,
  zone: boolean,
  metric: 'eventsPerSecond' | 'taskMsPer1k',
): number {
  const row = find(rows, consumer, zone);
  const base = find(rows, baselineOf(consumer), zone);
  return row && base ? medianOf(row, metric) / medianOf(base, metric) : NaN;
}

function check(
  label: string,
  value: number,
  ok: (v: number) => boolean,
  goal: string,
  unit = 'x',
): string | null {
  if (Number.isNaN(value)) return null;
  const digits = unit === 'x' ? 2 : unit === ' ms' ? 1 : 0;
  const shown = `${value.toFixed(digits)}${unit}`;
  return `  ${label.padEnd(64)} ${shown.padStart(9)}  goal ${goal.padEnd(8)} ${ok(value) ? 'met' : 'NOT met'}`;
}

/**
 * One line per goal: the measured median, the goal, met or not.
 *
 * @example
 * console.log(formatGoals({ burst: burstRows, paced: pacedRows }));
 */
export function formatGoals({ burst, paced }: Rows): string {
  const lines: (string | null)[] = [];
  for (const zone of [false, true]) {
    const page = zone ? 'zone.js' : 'zoneless';
    lines.push(
      check(
        `native, default: events/s vs raw EventSource, burst, ${page}`,
        ratio(burst, 'ngx-native', zone, 'eventsPerSecond'),
        (v) => v >= 0.95,
        '>= 0.95x',
      ),
      check(
        `native, default: task ms/1k vs raw EventSource, burst, ${page}`,
        ratio(burst, 'ngx-native', zone, 'taskMsPer1k'),
        (v) => v <= 1.2,
        '<= 1.2x',
      ),
      check(
        `fetch: events/s vs raw fetch, burst, ${page}`,
        ratio(burst, 'ngx-fetch', zone, 'eventsPerSecond'),
        (v) => v >= 0.7,
        '>= 0.7x',
      ),
      check(
        `fetch: task ms/1k vs raw fetch, burst, ${page}`,
        ratio(burst, 'ngx-fetch', zone, 'taskMsPer1k'),
        (v) => v <= 1.5,
        '<= 1.5x',
      ),
    );
  }
  for (const consumer of ['ngx-native', 'ngx-fetch']) {
    const pacedRow = find(paced, consumer, true);
    const burstRow = find(burst, consumer, true);
    if (pacedRow) {
      lines.push(
        check(
          `${consumer}, zone.js: change detections/s, paced`,
          medianOf(pacedRow, 'changeDetectionsPerSecond'),
          (v) => v <= 60,
          '<= 60',
          '/s',
        ),
        check(
          `${consumer}, zone.js: p99 latency, paced`,
          medianOf(pacedRow, 'p99'),
          (v) => v < 50,
          '< 50 ms',
          ' ms',
        ),
      );
    }
    if (burstRow) {
      const excess = medianOf(burstRow, 'changeDetections') - medianOf(burstRow, 'frames');
      lines.push(
        check(
          `${consumer}, zone.js: change detections minus frames, burst`,
          excess,
          (v) => v < 0,
          '< 0',
          '',
        ),
      );
    }
  }
  const met = lines.filter((l): l is string => l !== null);
  return met.length
    ? `\nGoals (issue 15), on medians:\n${met.join('\n')}${idReadShare(burst)}`
    : '';
}

/**
 * The library against the raw consumer that also reads each event's id, as the library must:
 * how much of the native gap is the browser building that string, not the library's own work.
 */
function idReadShare(burst: Row[]): string {
  const lines = [false, true].map((zone) => {
    const row = find(burst, 'ngx-native', zone);
    const ids = find(burst, 'raw-event-source-ids', zone);
    const raw = find(burst, 'raw-event-source', zone);
    if (!row || !ids || !raw) return null;
    const of = (r: Row) => medianOf(r, 'eventsPerSecond');
    const page = zone ? 'zone.js' : 'zoneless';
    return `  ${page}: raw reading ids ${(of(ids) / of(raw)).toFixed(2)}x raw; ngx-native ${(of(row) / of(ids)).toFixed(2)}x raw reading ids`;
  });
  const shown = lines.filter((l): l is string => l !== null);
  return shown.length
    ? `\nFor reference, events/s in bursts (no goal): what reading each event's lastEventId costs\n${shown.join('\n')}`
    : '';
}
