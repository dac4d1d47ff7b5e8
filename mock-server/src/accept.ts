import type { FastifyRequest } from 'fastify';

import { HttpError, excerpt } from './errors.ts';

// The ranges that cover `text/event-stream`, by specificity: the most specific one present
// decides (RFC 9110 §12.5.1), so `text/event-stream;q=0, */*` refuses it.
const SPECIFICITY: Readonly<Record<string, number>> = {
  'text/event-stream': 3,
  'text/*': 2,
  '*/*': 1,
};
const MEDIA_RANGE = /^[\w.+*-]+\/[\w.+*-]+$/;

/**
 * preHandler of the stream routes: 406 when `Accept` rules `text/event-stream` out (e.g. only
 * `application/json`, or `text/event-stream;q=0`), rather than a stream the client said it
 * cannot read. No `Accept`, an empty one or one without a valid media range takes anything
 * (RFC 9110 §12.5.1), as do `text/*` and `*\/*`.
 *
 * @example
 * app.get('/api/ticks', { preHandler: requireEventStreamAccept }, handler);
 */
export async function requireEventStreamAccept(request: FastifyRequest): Promise<void> {
  const header = request.headers.accept;
  if (header === undefined || acceptsEventStream(header)) return;
  throw new HttpError(
    406,
    'not-acceptable',
    `Accept: ${excerpt(header)}; this route sends text/event-stream`,
  );
}

function acceptsEventStream(header: string): boolean {
  const ranges = header
    .split(',')
    .map((part) => {
      const [range, ...params] = part.split(';').map((piece) => piece.trim().toLowerCase());
      const q = params.find((param) => param.startsWith('q='));
      return { range, q: q === undefined ? 1 : Number(q.slice(2)) };
    })
    .filter(({ range }) => MEDIA_RANGE.test(range));
  if (ranges.length === 0) return true;
  let decisive: { specificity: number; q: number } | undefined;
  for (const { range, q } of ranges) {
    const specificity = SPECIFICITY[range] ?? 0;
    if (specificity > (decisive?.specificity ?? 0)) decisive = { specificity, q };
  }
  return decisive !== undefined && decisive.q > 0;
}
