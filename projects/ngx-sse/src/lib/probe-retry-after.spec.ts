import { waitAfter503 } from './probe.spec-helper';

/** The longest delay `setTimeout` honours; the library caps every wait at it. */
const MAX_TIMER_MS = 2_147_483_647;

describe('probe: Retry-After on a 503, as a hostile or broken server sends it', () => {
  const cases: [string, string, number][] = [
    ['seconds with leading zeros', '0005', 5000],
    ['seconds padded with spaces', '  7 ', 7000],
    ['zero', '0', 0],
    ['2^53 seconds, capped at the longest timer', '9007199254740992', MAX_TIMER_MS],
    ['400 digits, capped at the longest timer', '9'.repeat(400), MAX_TIMER_MS],
    ['a negative number, ignored', '-5', 0],
    ['a fraction, ignored', '1.5', 0],
    ['an exponent, ignored', '1e3', 0],
    ['garbage, ignored', 'in a bit', 0],
    ['an IMF date in the past, now', 'Sun, 06 Nov 1994 08:49:37 GMT', 0],
    ['an impossible IMF date, ignored', 'Sun, 99 Nov 1994 99:99:99 GMT', 0],
  ];
  for (const [what, value, delayMs] of cases) {
    it(`waits as told by ${what} (${JSON.stringify(value.slice(0, 20))})`, async () => {
      expect(await waitAfter503(value)).toBe(delayMs);
    });
  }

  it('waits until an IMF date in the future', async () => {
    const at = new Date(Date.now() + 90_000);
    const delayMs = await waitAfter503(at.toUTCString());
    // toUTCString() drops the milliseconds, and some ms pass before the answer is read.
    expect(delayMs).toBeGreaterThan(88_000);
    expect(delayMs).toBeLessThanOrEqual(90_000);
  });
});
