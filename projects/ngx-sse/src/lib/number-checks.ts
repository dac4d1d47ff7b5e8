/** The longest delay `setTimeout` honours (2^31 − 1 ms, about 24.8 days); longer ones fire at once. */
export const MAX_TIMER_MS = 2_147_483_647;

/**
 * True for a number the library can use as a count or duration: not `NaN`, at least `min`, and
 * finite unless `infinite` allows `Infinity` (as `maxAttempts` does).
 *
 * @example
 * atLeast(0, 0); // true
 * atLeast(NaN, 0); // false
 */
export function atLeast(value: unknown, min: number, infinite = false): boolean {
  return typeof value === 'number' && value >= min && (infinite || Number.isFinite(value));
}

/**
 * What is wrong with `value` as `what`, in the one wording every check uses, or `undefined`.
 *
 * @example
 * numberProblem('lingerMs', NaN, 0); // 'lingerMs needs a finite number ≥ 0, got NaN'
 */
export function numberProblem(
  what: string,
  value: unknown,
  min: number,
  infinite = false,
): string | undefined {
  if (atLeast(value, min, infinite)) return undefined;
  return `${what} needs a ${infinite ? '' : 'finite '}number ≥ ${min}, got ${String(value)}`;
}

/**
 * Throws a `RangeError` naming the feature and the value unless `atLeast(value, min, infinite)`.
 *
 * @example
 * checkNumber('withLinger(ms)', ms, 0); // throws "ngx-sse: withLinger(ms) needs a finite number ≥ 0, got NaN"
 */
export function checkNumber(what: string, value: unknown, min: number, infinite = false): void {
  const problem = numberProblem(what, value, min, infinite);
  if (problem) throw new RangeError(`ngx-sse: ${problem}`);
}
