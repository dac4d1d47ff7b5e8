import { METHODS as NODE_METHODS, type Server } from 'node:http';

import type { FastifyInstance, FastifyRequest } from 'fastify';

import { HttpError, noRoute } from './errors.ts';

// Every method Node's parser lets through, so TRACE, QUERY or PROPFIND on a known path is a 405
// too, not a 404. CONNECT never reaches routing (app.ts answers it); OPTIONS has its own answer.
const METHODS = NODE_METHODS.filter((method) => method !== 'CONNECT' && method !== 'OPTIONS');

// Each server's `Allow` per route URL, keyed by its HTTP server: route scopes are distinct
// Fastify instances, but they share that one.
const allowByServer = new WeakMap<Server, Map<string, string>>();

/**
 * The `Allow` header of the route a request matched, as its 405 and `OPTIONS` answers send it:
 * for any other answer that needs one (an injected 405 fault). Undefined off a known path.
 *
 * @example
 * allowOf(request); // 'GET, OPTIONS' on /api/events
 */
export function allowOf(request: FastifyRequest): string | undefined {
  const url = request.routeOptions.url;
  return url === undefined ? undefined : allowByServer.get(request.server.server)?.get(url);
}

/**
 * Makes every known path say which methods it takes, the same way for every method: `OPTIONS`
 * answers 204 with an `Allow` header, and a method it does not take answers 405 with the same
 * `Allow` (Fastify alone says 404 to both). `Allow` lists exactly the methods that do not answer
 * 405, so `HEAD` is not among them (`exposeHeadRoutes` is off, see app.ts) and `OPTIONS` is.
 * A CORS preflight from an allowed origin never gets here: @fastify/cors answers it in its
 * `onRequest` hook. Call this after registering every route plugin: the hook records their
 * routes as they load, and the routes added here come from a plugin that, registered last,
 * loads after them. Methods Fastify does not route by default are added, bodyless (no content
 * type required), and the 405 comes from an `onRequest` hook: before the body is parsed, so a
 * wrong method is a 405 whatever its body's type, syntax or size.
 *
 * @example
 * app.register(sessionRoutes);
 * answerMethodNotAllowed(app); // PUT /api/session: 405, Allow: POST, GET, DELETE, OPTIONS
 */
export function answerMethodNotAllowed(app: FastifyInstance): void {
  for (const method of METHODS) {
    if (!app.supportedMethods.includes(method)) app.addHttpMethod(method);
  }
  const allowedByUrl = new Map<string, Set<string>>();
  let sealed = false;
  app.addHook('onRoute', (route) => {
    // Wildcards (static files, CORS preflight) are catch-alls, not resources with a method set.
    if (sealed || route.url.includes('*')) return;
    const allowed = allowedByUrl.get(route.url) ?? new Set<string>();
    for (const method of [route.method].flat()) allowed.add(method);
    allowedByUrl.set(route.url, allowed);
  });
  const allowByUrl = new Map<string, string>();
  allowByServer.set(app.server, allowByUrl);
  app.register(async (scope) => {
    sealed = true;
    for (const [url, routed] of allowedByUrl) {
      const allowed = [...routed, 'OPTIONS'];
      const headers = { Allow: allowed.join(', ') };
      allowByUrl.set(url, headers.Allow);
      if (!routed.has('OPTIONS')) {
        scope.options(url, async (_request, reply) => reply.code(204).headers(headers).send());
      }
      const missing = METHODS.filter((method) => !routed.has(method));
      if (missing.length === 0) continue;
      const error = new HttpError(405, 'method-not-allowed', { allow: allowed }, headers);
      scope.route({
        method: missing,
        url,
        onRequest: async () => {
          throw error;
        },
        handler: async () => undefined,
      });
    }
  });
}

/**
 * onRequest hook, added before @fastify/cors: an `OPTIONS` on an unknown path is the JSON 404,
 * preflight or not. The CORS plugin routes `OPTIONS *`, so without this it would answer an
 * allowed origin's preflight 204 for any path, as if the resource existed. Known paths have
 * their own `OPTIONS` route (above), so only unknown ones land on the wildcard.
 *
 * @example
 * app.addHook('onRequest', refuseUnknownPreflights);
 * app.register(fastifyCors, corsOptions);
 */
export async function refuseUnknownPreflights(request: FastifyRequest): Promise<void> {
  const wildcard = request.is404 || request.routeOptions.url === '*';
  if (request.method === 'OPTIONS' && wildcard) {
    throw noRoute(request);
  }
}
