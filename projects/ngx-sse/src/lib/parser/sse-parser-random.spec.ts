import { mulberry32 } from './mulberry32.spec-helper';
import { parseChunks, splitEvery } from './parser-harness.spec-helper';
import { randomChunks, randomStream } from './random-stream.spec-helper';
import { referenceParse } from './reference-parser.spec-helper';

describe('SseParser on random streams', () => {
  for (let seed = 1; seed <= 20; seed++) {
    it(`matches the reference parser under any chunking (seed ${seed})`, () => {
      const random = mulberry32(seed);
      const bytes = randomStream(random);
      const whole = parseChunks([bytes]);
      expect(whole).withContext('whole vs reference').toEqual(referenceParse(bytes));
      expect(parseChunks(splitEvery(bytes, 1)))
        .withContext('1-byte chunks')
        .toEqual(whole);
      for (const maxSize of [2, 3, 5, 8, 16, 64, 512]) {
        expect(parseChunks(randomChunks(bytes, random, maxSize)))
          .withContext(`random chunks of up to ${maxSize} bytes`)
          .toEqual(whole);
      }
    });
  }

  it('generates streams that exercise every kind of output', () => {
    const totals = { events: 0, retries: 0, comments: 0, ids: 0 };
    for (let seed = 1; seed <= 20; seed++) {
      const out = referenceParse(randomStream(mulberry32(seed)));
      totals.events += out.events.length;
      totals.retries += out.retries.length;
      totals.comments += out.comments.length;
      totals.ids += out.events.filter((e) => e.lastEventId !== '').length;
    }
    expect(totals.events).toBeGreaterThan(100);
    expect(totals.retries).toBeGreaterThan(5);
    expect(totals.comments).toBeGreaterThan(50);
    expect(totals.ids).toBeGreaterThan(20);
  });
});
