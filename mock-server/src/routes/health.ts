import type { FastifyInstance } from 'fastify';

import type { ServerContext } from '../context.ts';
import type { Health } from '../wire.ts';

/**
 * `GET /api/health`: liveness plus counts, public for probes, so it names nobody. The load caps
 * only with `--faults`: without it there is no `/api/load` to cap.
 */
export function healthRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get('/api/health', async (): Promise<Health> => ({
    status: 'ok',
    uptimeMs: Date.now() - ctx.startedAt,
    epoch: ctx.hub.epoch,
    streams: ctx.streams.stats(),
    sessions: ctx.sessions.size,
    streamCaps: { ...ctx.slots.stats(), perUser: ctx.options.maxStreamsPerUser },
    ...(ctx.options.faults && { loadCaps: ctx.loads.stats() }),
  }));
}
