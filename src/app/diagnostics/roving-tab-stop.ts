// The event log's rows are one Tab stop (a roving tabindex): Tab gets past a log of thousands in
// one press, and the arrow keys, Home and End move between the rows.

/**
 * The sequence number of the row that holds the Tab stop: `current` (the row last focused) while
 * it is among the `shown` (rendered) rows, else the first of them. A row scrolled out of the
 * rendered range, or pushed out of the log, must not take the log's Tab stop with it.
 *
 * @example
 * tabStopSeq([{ seq: 9 }, { seq: 8 }], 3); // 9: row 3 is not rendered
 */
export function tabStopSeq(
  shown: readonly { readonly seq: number }[],
  current: number | null,
): number | null {
  return shown.some((entry) => entry.seq === current) ? current : (shown[0]?.seq ?? null);
}

/**
 * The index of the row `key` moves to from row `index` in a list whose last index is `last`, or
 * `undefined` for a key that does not move.
 *
 * @example
 * rowAfterKey('ArrowDown', 4, 4); // 4: the last row stays
 * rowAfterKey('Home', 4, 9); // 0
 */
export function rowAfterKey(key: string, index: number, last: number): number | undefined {
  const steps: Record<string, number> = {
    ArrowDown: Math.min(index + 1, last),
    ArrowUp: Math.max(index - 1, 0),
    Home: 0,
    End: last,
  };
  // Own keys only: `key` is the browser's string, and `steps.toString` is not a row.
  return Object.hasOwn(steps, key) ? steps[key] : undefined;
}
