import { CONFORMANCE_VECTORS, type ConformanceVector } from './conformance-vectors.spec-helper';
import { type ParseOutput, expectEverySplit } from './parser-harness.spec-helper';

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
      it('fed whole', () => {
        expectEverySplit(vector.input, expected(vector), ['whole']);
      });

      it('split in two at every byte boundary', () => {
        expectEverySplit(vector.input, expected(vector), ['every cut']);
      });

      it('fed one byte at a time', () => {
        expectEverySplit(vector.input, expected(vector), ['byte by byte']);
      });
    });
  }
});
