import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyRequest } from 'fastify';

import { badRequest, jsonNotFound, pathOf } from './errors.ts';

// A `..` segment, with either slash, as @fastify/static's `send` detects it (then a bare 403).
const DOT_DOT = /(?:^|[\\/])\.\.(?:[\\/]|$)/;

/**
 * Serves a built SPA from the API's own port (one origin, as in production). Client-side routes
 * have no file, so non-API GETs fall back to index.html; unknown API routes stay JSON 404s.
 */
export function serveSpa(app: FastifyInstance, dir: string): void {
  app.register(fastifyStatic, { root: dir, wildcard: true });
  app.addHook('onRequest', refuseEscapingPaths);
  app.setNotFoundHandler((request, reply) => {
    const path = pathOf(request);
    const isApi = path === '/api' || path.startsWith('/api/');
    const isRead = request.method === 'GET' || request.method === 'HEAD';
    return isRead && !isApi ? reply.sendFile('index.html') : jsonNotFound(request, reply);
  });
}

/**
 * onRequest hook: a path with a `..` segment or a NUL byte (plain or percent-encoded) is a 400
 * naming the url, in the API's error shape; `send` would answer them with a bare 403 or 400.
 * No browser sends either: it resolves dot segments before the request.
 */
async function refuseEscapingPaths(request: FastifyRequest): Promise<void> {
  const path = decodeURIComponent(pathOf(request));
  if (DOT_DOT.test(path) || path.includes('\0')) {
    throw badRequest('url', 'a path with a ".." segment or a NUL byte cannot name a file');
  }
}
