import type { FastifyRequest } from 'fastify';

import { badRequest, excerpt, HttpError } from './errors.ts';

// Headers a request may carry once: Node keeps the first of two and drops the other, so a
// proxy in front that keeps the last would see another request than this server.
const SINGLE_HEADERS = ['host', 'content-type'];

/**
 * onRequest hook: refuses the request heads Node's parser lets through but HTTP/1.1 does not
 * allow (RFC 9112), each with the JSON 400 naming what is wrong, or a 415:
 * - a version other than HTTP/1.0 or 1.1 (`HTTP/2.0` or HTTP/0.9's bare request line);
 *   Node itself refuses `HTTP/9.9`;
 * - a fragment (`#`) in the request-target, which its grammar excludes: the router would
 *   read `/api/health#x` as a query parameter `x`;
 * - no `Host` on HTTP/1.1 (Node's own check answers an empty 400, so it is off:
 *   `requireHostHeader: false`), or two (§3.2), or two `Content-Type`s;
 * - a transfer coding before `chunked` (`gzip, chunked`): Node drops it, and the JSON parser
 *   would read the compressed bytes;
 * - a content coding other than `identity` (415): Node does not decode bodies either.
 *
 * @example
 * app.addHook('onRequest', checkRequestHead);
 */
export async function checkRequestHead(request: FastifyRequest): Promise<void> {
  const { httpVersionMajor: major, httpVersionMinor: minor, headers, rawHeaders } = request.raw;
  if (major !== 1) {
    throw badRequest('request', `HTTP/${major}.${minor}: this server speaks HTTP/1.0 and 1.1`);
  }
  if (request.raw.url?.includes('#')) {
    throw badRequest('url', 'a request-target has no fragment (#): clients keep it to themselves');
  }
  if (minor >= 1 && (headers.host === undefined || headers.host === '')) {
    throw badRequest('host', 'HTTP/1.1 requests need a Host header');
  }
  for (const name of SINGLE_HEADERS) {
    if (countOf(rawHeaders, name) > 1) throw badRequest(name, 'must be sent once');
  }
  const transfer = headers['transfer-encoding'];
  if (transfer !== undefined && transfer.trim().toLowerCase() !== 'chunked') {
    throw badRequest('transfer-encoding', `${excerpt(transfer)}: only chunked is supported`);
  }
  const encoding = headers['content-encoding'];
  if (encoding !== undefined && encoding.trim().toLowerCase() !== 'identity') {
    const detail = `Content-Encoding: ${excerpt(encoding)}; send identity`;
    throw new HttpError(415, 'unsupported-media-type', detail);
  }
}

/** How many times a header appears (Node's `rawHeaders` alternate names and values). */
function countOf(rawHeaders: string[], name: string): number {
  let count = 0;
  for (let i = 0; i < rawHeaders.length; i += 2) {
    if (rawHeaders[i].toLowerCase() === name) count++;
  }
  return count;
}
