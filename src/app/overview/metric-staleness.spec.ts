import { newestAt, staleValuesNote } from './metric-staleness';

describe('staleValuesNote', () => {
  const at = Date.UTC(2026, 11, 1, 14, 3, 7);

  it('says nothing before any point or while points are recent', () => {
    expect(staleValuesNote(0, at)).toBeNull();
    expect(staleValuesNote(at, at + 10_000)).toBeNull();
  });

  it('says how long nothing came, and since when, after 10 s of silence', () => {
    const note = staleValuesNote(at, at + 25_000);
    expect(note).toMatch(/^no new values for 25 ?s, last at /);
  });
});

describe('newestAt', () => {
  it('is the newest last point of any series, 0 before any', () => {
    expect(newestAt(new Map())).toBe(0);
    const series = new Map([
      ['a', [{ at: 5, value: 1 }]],
      [
        'b',
        [
          { at: 2, value: 1 },
          { at: 9, value: 1 },
        ],
      ],
      ['c', []],
    ]);
    expect(newestAt(series)).toBe(9);
  });
});
