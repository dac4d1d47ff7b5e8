import type { SseState } from 'ngx-sse';

/** Formatting shared by the dashboard's pages: counts, clock times and durations. */
const counts = new Intl.NumberFormat('en');

/** A count with thousands separators: `5,000`. */
export function formatCount(n: number): string {
  return counts.format(n);
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** Local time of day to the second, e.g. `14:03:07`. */
export function formatClock(epochMs: number): string {
  const date = new Date(epochMs);
  return [date.getHours(), date.getMinutes(), date.getSeconds()].map((n) => pad(n)).join(':');
}

/** Local time of day with milliseconds, e.g. `14:03:07.250`: events often share a second. */
export function formatTime(epochMs: number): string {
  return `${formatClock(epochMs)}.${pad(new Date(epochMs).getMilliseconds(), 3)}`;
}

/** A duration in whole seconds: `7s`, `2m 05s`, `1h 02m 03s`. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  if (hours) return `${hours}h ${pad(minutes)}m ${pad(seconds)}s`;
  if (minutes) return `${minutes}m ${pad(seconds)}s`;
  return `${seconds}s`;
}

const UNITS: readonly (readonly [label: string, ms: number])[] = [
  ['d', 86_400_000],
  ['h', 3_600_000],
  ['min', 60_000],
  ['s', 1000],
];

// Younger items read as "just now": a seconds counter ticking from 0 is noise, not information.
const JUST_NOW_MS = 5000;

/**
 * A duration in its largest whole unit, for ages and ETAs ("12 s", "3 min", "2 h", "4 d"). `round` picks the
 * direction: elapsed times round down, countdowns (ETAs) round up so they never read "0 s" early.
 */
export function formatApproxDuration(
  ms: number,
  round: (value: number) => number = Math.floor,
): string {
  const duration = Math.max(0, ms);
  const [label, size] = UNITS.find(([, unit]) => duration >= unit) ?? UNITS[UNITS.length - 1];
  return `${round(duration / size)} ${label}`;
}

/** How long ago `iso` was at `now` (epoch ms): "just now", "12 s ago", "3 min ago"… */
export function relativeTime(iso: string, now: number): string {
  // A server clock slightly ahead of ours gives a negative age; that is "just now" too.
  const age = now - Date.parse(iso);
  return age < JUST_NOW_MS ? 'just now' : `${formatApproxDuration(age)} ago`;
}

/**
 * Why a connection is reconnecting or closed, with the HTTP status when there is one
 * (`http 503`, `unauthorized 401`, `network`); `null` for states without a reason.
 */
export function stateReason(state: SseState): string | null {
  if (state.status !== 'reconnecting' && state.status !== 'closed') return null;
  // The status tells `http` and `unauthorized` answers apart; other reasons say it already.
  const status =
    state.reason === 'http' || state.reason === 'unauthorized' ? state.error?.status : 0;
  return status ? `${state.reason} ${status}` : state.reason;
}
