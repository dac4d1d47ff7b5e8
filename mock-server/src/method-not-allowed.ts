import type { FastifyInstance } from 'fastify';

import { HttpError } from './errors.ts';

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];

/**
 * Makes every known path say which methods it takes, the same way for every method: `OPTIONS`
 * answers 204 with an `Allow` header, and a method it does not take answers 405 with the same
 * `Allow` (Fastify alone says 404 to both). `Allow` lists exactly the methods that do not answer
 * 405, so `HEAD` is not among them (`exposeHeadRoutes` is off, see app.ts) and `OPTIONS` is.
 * A CORS preflight from an allowed origin never gets here: @fastify/cors answers it in its
 * `onRequest` hook. Call this after registering every route plugin: the hook records their
 * routes as they load, and the routes added here come from a plugin that, registered last,
 * loads after them.
 *
 * @example
 * app.register(sessionRoutes);
 * answerMethodNotAllowed(app); // PUT /api/session: 405, Allow: POST, GET, DELETE, OPTIONS
 */
export function answerMethodNotAllowed(app: FastifyInstance): void {
  const allowedByUrl = new Map<string, Set<string>>();
  let sealed = false;
  app.addHook('onRoute', (route) => {
    // Wildcards (static files, CORS preflight) are catch-alls, not resources with a method set.
    if (sealed || route.url.includes('*')) return;
    const allowed = allowedByUrl.get(route.url) ?? new Set<string>();
    for (const method of [route.method].flat()) allowed.add(method);
    allowedByUrl.set(route.url, allowed);
  });
  app.register(async (scope) => {
    sealed = true;
    for (const [url, routed] of allowedByUrl) {
      const allowed = [...routed, 'OPTIONS'];
      const headers = { Allow: allowed.join(', ') };
      if (!routed.has('OPTIONS')) {
        scope.options(url, async (_request, reply) => reply.code(204).headers(headers).send());
      }
      const missing = METHODS.filter((method) => !routed.has(method));
      if (missing.length === 0) continue;
      const error = new HttpError(405, 'method-not-allowed', { allow: allowed }, headers);
      scope.route({
        method: missing,
        url,
        handler: async () => {
          throw error;
        },
      });
    }
  });
}
