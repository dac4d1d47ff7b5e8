import { staleValuesNote } from './metric-staleness';

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
