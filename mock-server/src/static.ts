import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

import { jsonNotFound } from './errors.ts';

/**
 * Serves a built SPA from the API's own port (one origin, as in production). Client-side routes
 * have no file, so non-API GETs fall back to index.html; unknown API routes stay JSON 404s.
 */
export function serveSpa(app: FastifyInstance, dir: string): void {
  app.register(fastifyStatic, { root: dir, wildcard: true });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0];
    const isApi = path === '/api' || path.startsWith('/api/');
    const isRead = request.method === 'GET' || request.method === 'HEAD';
    return isRead && !isApi ? reply.sendFile('index.html') : jsonNotFound(request, reply);
  });
}
