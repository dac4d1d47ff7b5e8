import type { FastifyInstance } from 'fastify';

import { queryOf } from './schema.ts';

/**
 * Gives every API route that declares no `querystring` schema one that takes no parameter, so
 * `GET /api/jobs?x=1` is a 400 naming `x`, as on the routes that take some: a parameter the
 * server ignores would look to its sender as if it had an effect. Preflight and `OPTIONS`
 * answers, wildcards (static files) and the 405 routes (answered before validation) stay as
 * they are. Add it before the routes: `onRoute` sees only routes registered after it.
 *
 * @example
 * refuseUnknownQueries(app);
 * app.get('/api/health', handler); // GET /api/health?verbose=1 → 400 { field: 'verbose' }
 */
export function refuseUnknownQueries(app: FastifyInstance): void {
  const none = queryOf();
  app.addHook('onRoute', (route) => {
    const methods = [route.method].flat();
    if (!route.url.startsWith('/api/') || route.url.includes('*')) return;
    if (methods.includes('OPTIONS') || route.schema?.querystring) return;
    route.schema = { ...route.schema, querystring: none };
  });
}
