import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { HttpError } from '../src/errors.ts';
import { RateLimiter } from '../src/rate-limit.ts';

describe('RateLimiter', () => {
  it('allows `limit` hits per window and key, then 429 with the seconds until a slot frees', () => {
    const limiter = new RateLimiter(2, 60_000, 'too-many-things');
    limiter.hit('a', 0);
    limiter.hit('a', 10_000);
    limiter.hit('b', 10_000);
    assert.throws(
      () => limiter.hit('a', 20_000),
      (error: unknown) =>
        error instanceof HttpError &&
        error.status === 429 &&
        error.code === 'too-many-things' &&
        error.headers['Retry-After'] === '40',
    );
    limiter.hit('a', 60_001); // the first hit left the window
  });

  it('forgets keys whose window has passed, so memory follows the active keys', () => {
    const limiter = new RateLimiter(5, 1000, 'x');
    for (let i = 0; i < 100; i++) limiter.hit(`address-${i}`, 0);
    assert.equal(limiter.size, 100);
    limiter.hit('later', 5000);
    assert.equal(limiter.size, 1);
  });
});
