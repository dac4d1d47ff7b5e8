import { waitAfter503 } from './probe.spec-helper';

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');
const two = (n: number) => String(n).padStart(2, '0');
const clock = (d: Date) =>
  `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;

/** RFC 850, obsolete but valid: `Sunday, 06-Nov-94 08:49:37 GMT`. */
const rfc850 = (d: Date) =>
  `${DAYS[d.getUTCDay()]}, ${two(d.getUTCDate())}-${MONTHS[d.getUTCMonth()]}-${two(d.getUTCFullYear() % 100)} ${clock(d)} GMT`;

/** ANSI C asctime(), obsolete but valid: `Sun Nov  6 08:49:37 1994`. */
const asctime = (d: Date) =>
  `${DAYS[d.getUTCDay()].slice(0, 3)} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${clock(d)} ${d.getUTCFullYear()}`;

// RFC 9110 §5.6.7: "A recipient that parses a timestamp value in an HTTP field MUST accept all
// three HTTP-date formats." The library reads only the IMF-fixdate and ignores the other two.
describe('probe: Retry-After in the obsolete HTTP-date formats RFC 9110 requires', () => {
  for (const [name, format] of [
    ['RFC 850', rfc850],
    ['asctime', asctime],
  ] as const) {
    it(`waits until a ${name} date in the future`, async () => {
      const value = format(new Date(Date.now() + 90_000));
      const delayMs = await waitAfter503(value);
      expect(delayMs).withContext(value).toBeGreaterThan(88_000);
      expect(delayMs).withContext(value).toBeLessThanOrEqual(90_000);
    });
  }
});
