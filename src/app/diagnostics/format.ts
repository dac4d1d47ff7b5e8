const counts = new Intl.NumberFormat('en');

/** A count with thousands separators: `5,000`. */
export function formatCount(n: number): string {
  return counts.format(n);
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** Local time of day with milliseconds, e.g. `14:03:07.250`: events often share a second. */
export function formatTime(epochMs: number): string {
  const date = new Date(epochMs);
  const clock = [date.getHours(), date.getMinutes(), date.getSeconds()].map((n) => pad(n));
  return `${clock.join(':')}.${pad(date.getMilliseconds(), 3)}`;
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
