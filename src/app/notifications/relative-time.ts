const UNITS: readonly (readonly [label: string, ms: number])[] = [
  ['d', 86_400_000],
  ['h', 3_600_000],
  ['min', 60_000],
  ['s', 1000],
];

// Younger items read as "just now": a seconds counter ticking from 0 is noise, not information.
const JUST_NOW_MS = 5000;

/**
 * A duration in its largest whole unit ("12 s", "3 min", "2 h", "4 d"). `round` picks the
 * direction: elapsed times round down, countdowns (ETAs) round up so they never read "0 s" early.
 */
export function formatDuration(ms: number, round: (value: number) => number = Math.floor): string {
  const duration = Math.max(0, ms);
  const [label, size] = UNITS.find(([, unit]) => duration >= unit) ?? UNITS[UNITS.length - 1];
  return `${round(duration / size)} ${label}`;
}

/** How long ago `iso` was at `now` (epoch ms): "just now", "12 s ago", "3 min ago"… */
export function relativeTime(iso: string, now: number): string {
  // A server clock slightly ahead of ours gives a negative age; that is "just now" too.
  const age = now - Date.parse(iso);
  return age < JUST_NOW_MS ? 'just now' : `${formatDuration(age)} ago`;
}
