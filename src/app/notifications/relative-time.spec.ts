import { formatDuration, relativeTime } from './relative-time';

describe('formatDuration', () => {
  it('uses the largest whole unit', () => {
    expect(formatDuration(12_400)).toBe('12 s');
    expect(formatDuration(3 * 60_000 + 59_000)).toBe('3 min');
    expect(formatDuration(2 * 3_600_000)).toBe('2 h');
    expect(formatDuration(4 * 86_400_000 + 1)).toBe('4 d');
  });

  it('rounds as asked and never goes below zero', () => {
    expect(formatDuration(9_100, Math.ceil)).toBe('10 s');
    expect(formatDuration(400, Math.ceil)).toBe('1 s');
    expect(formatDuration(-5_000)).toBe('0 s');
  });
});

describe('relativeTime', () => {
  const now = Date.parse('2026-01-01T10:00:00.000Z');

  it('reads "just now" for the first seconds and for a server clock ahead of ours', () => {
    expect(relativeTime('2026-01-01T09:59:57.000Z', now)).toBe('just now');
    expect(relativeTime('2026-01-01T10:00:03.000Z', now)).toBe('just now');
  });

  it('counts seconds, minutes and hours ago', () => {
    expect(relativeTime('2026-01-01T09:59:48.000Z', now)).toBe('12 s ago');
    expect(relativeTime('2026-01-01T09:57:00.000Z', now)).toBe('3 min ago');
    expect(relativeTime('2026-01-01T07:00:00.000Z', now)).toBe('3 h ago');
  });
});
