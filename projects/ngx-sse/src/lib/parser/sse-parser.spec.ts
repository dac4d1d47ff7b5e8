import { CONFORMANCE_VECTORS, type ConformanceVector } from './conformance-vectors.spec-helper';
import {
  type ParseOutput,
  parseChunks,
  splitAt,
  splitEvery,
  toBytes,
} from './parser-harness.spec-helper';

function expected(vector: ConformanceVector): ParseOutput {
  return {
    events: vector.events,
    retries: vector.retries ?? [],
    comments: vector.comments ?? [],
    lastEventId: vector.lastEventId ?? '',
  };
}

describe('SseParser conformance', () => {
  it('has at least 40 distinct vectors', () => {
    const names = new Set(CONFORMANCE_VECTORS.map((v) => v.name));
    expect(CONFORMANCE_VECTORS.length).toBeGreaterThanOrEqual(40);
    expect(names.size).toBe(CONFORMANCE_VECTORS.length);
  });

  for (const vector of CONFORMANCE_VECTORS) {
    describe(vector.name, () => {
      const bytes = toBytes(vector.input);

      it('fed whole', () => {
        expect(parseChunks([bytes])).toEqual(expected(vector));
      });

      it('split in two at every byte boundary', () => {
        for (let cut = 0; cut <= bytes.length; cut++) {
          expect(parseChunks(splitAt(bytes, cut)))
            .withContext(`cut at byte ${cut}`)
            .toEqual(expected(vector));
        }
      });

      it('fed one byte at a time', () => {
        expect(parseChunks(splitEvery(bytes, 1))).toEqual(expected(vector));
      });
    });
  }
});
