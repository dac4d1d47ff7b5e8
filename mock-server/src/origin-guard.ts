import type { FastifyRequest } from 'fastify';

import { HttpError, excerpt } from './errors.ts';

/** Routes that hold a connection open: the costly ones a foreign page must not open. */
const STREAM_ROUTES = new Set(['/api/events', '/api/ticks', '/api/chat']);
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * onRequest hook guarding streams and writes against other pages, cookie or not. SameSite
 * cookies stop other sites but not other ports of the same host, so:
 * - a stream or write whose `Sec-Fetch-Site` is `same-site` or `cross-site` needs an `Origin`
 *   in the CORS allow-list (an `<iframe>` or `<img>` sends none and is refused);
 * - a stream or write with an `Origin` needs it to be the server's own origin or allow-listed:
 *   browsers send none on a same-origin GET, so a stream request carrying a foreign one comes
 *   from another page, also in browsers that send no `Sec-Fetch-Site`.
 * Requests without these headers (curl, Node, older browsers' same-origin GETs) pass, as do
 * preflights, which CORS answers.
 *
 * @example
 * app.addHook('onRequest', guardOrigin(['http://localhost:4200']));
 */
export function guardOrigin(allowList: readonly string[]) {
  return async (request: FastifyRequest): Promise<void> => {
    if (request.method === 'OPTIONS') return;
    const write = !SAFE_METHODS.has(request.method);
    if (!write && !STREAM_ROUTES.has(request.routeOptions.url ?? '')) return;
    const origin = single(request.headers.origin);
    const site = single(request.headers['sec-fetch-site']);
    const allowed = origin !== undefined && allowList.includes(origin);
    if ((site === 'same-site' || site === 'cross-site') && !allowed) {
      throw forbidden(`Sec-Fetch-Site: ${site} from ${excerpt(origin ?? 'no origin')}`);
    }
    if (origin !== undefined && !allowed && origin !== ownOrigin(request)) {
      throw forbidden(`${write ? 'a write' : 'a stream'} from ${excerpt(origin)}`);
    }
  };
}

function forbidden(what: string): HttpError {
  return new HttpError(403, 'forbidden-origin', `${what}: not this app's origin or --cors-origins`);
}

function ownOrigin(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
