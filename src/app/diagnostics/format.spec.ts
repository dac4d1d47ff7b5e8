import { formatCount, formatDuration, formatTime } from './format';

describe('diagnostics formatting', () => {
  it('formats a time of day with milliseconds', () => {
    expect(formatTime(new Date(2026, 0, 2, 3, 4, 5, 67).getTime())).toBe('03:04:05.067');
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
