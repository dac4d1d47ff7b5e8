import type { FastifyInstance } from 'fastify';

import type { ServerContext } from '../context.ts';

/** `GET /api/health`: liveness plus open-stream counts, public so probes and e2e can read it. */
export function healthRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get('/api/health', async () => ({
    status: 'ok',
    uptimeMs: Date.now() - ctx.startedAt,
    streams: ctx.streams.stats(),
  }));
}
