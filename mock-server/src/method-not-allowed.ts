import type { FastifyInstance } from 'fastify';

import { HttpError } from './errors.ts';

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];

/**
 * Makes a known path with a wrong method answer 405 with an `Allow` header (Fastify alone says
 * 404). Call it after registering every route plugin: the hook records their routes as they
 * load, and the 405 routes are added by a plugin that, registered last, loads after them.
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
    for (const [url, allowed] of allowedByUrl) {
      const missing = METHODS.filter((method) => !allowed.has(method));
      const error = new HttpError(
        405,
        'method-not-allowed',
        { allow: [...allowed] },
        {
          Allow: [...allowed].join(', '),
        },
      );
      if (missing.length > 0) {
        scope.route({
          method: missing,
          url,
          handler: async () => {
            throw error;
          },
        });
      }
    }
  });
}
