import {
  formatApproxDuration,
  formatClock,
  formatCount,
  formatDuration,
  formatTime,
  relativeTime,
} from './format';

describe('diagnostics formatting', () => {
  it('formats a time of day with milliseconds', () => {
    expect(formatTime(new Date(2026, 0, 2, 3, 4, 5, 67).getTime())).toBe('03:04:05.067');
  });

  it('formats a time of day to the second', () => {
    expect(formatClock(new Date(2026, 0, 2, 3, 4, 5, 999).getTime())).toBe('03:04:05');
  });

  it('formats counts with thousands separators', () => {
    expect(formatCount(5000)).toBe('5,000');
  });

  it('formats durations in whole seconds, minutes and hours', () => {
    expect(formatDuration(-5)).toBe('0s');
    expect(formatDuration(7_999)).toBe('7s');
    expect(formatDuration(125_000)).toBe('2m 05s');
    expect(formatDuration(3_723_000)).toBe('1h 02m 03s');
  });
});

describe('formatApproxDuration', () => {
  it('uses the largest whole unit', () => {
    expect(formatApproxDuration(12_400)).toBe('12 s');
    expect(formatApproxDuration(3 * 60_000 + 59_000)).toBe('3 min');
    expect(formatApproxDuration(2 * 3_600_000)).toBe('2 h');
    expect(formatApproxDuration(4 * 86_400_000 + 1)).toBe('4 d');
  });

  it('rounds as asked and never goes below zero', () => {
    expect(formatApproxDuration(9_100, Math.ceil)).toBe('10 s');
    expect(formatApproxDuration(400, Math.ceil)).toBe('1 s');
    expect(formatApproxDuration(-5_000)).toBe('0 s');
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
