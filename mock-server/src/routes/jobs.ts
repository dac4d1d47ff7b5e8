import type { FastifyInstance } from 'fastify';

import { acknowledge, REQUEST_ID_HEADERS } from '../ack.ts';
import { currentUser, type ServerContext } from '../context.ts';
import type { JobStart } from '../jobs.ts';
import { labelOf } from '../schema.ts';

const createSchema = {
  headers: REQUEST_ID_HEADERS,
  body: {
    type: 'object',
    required: ['name'],
    additionalProperties: false,
    properties: {
      name: labelOf(200),
      durationMs: { type: 'integer', minimum: 100, maximum: 3_600_000, default: 10_000 },
      failAt: { type: 'integer', minimum: 1, maximum: 99 },
    },
  },
};

const idSchema = {
  params: { type: 'object', properties: { id: { type: 'string', maxLength: 100 } } },
};

/** Jobs: start (202, progress follows on the stream), list, cancel. */
export function jobRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.post<{ Body: JobStart }>('/api/jobs', { schema: createSchema }, async (request, reply) => {
    const { session, state } = currentUser(ctx, request);
    const job = state.jobs.start(request.body);
    acknowledge(ctx.hub, request, reply, session.username, 'job', job.jobId);
    return reply.code(202).send(job);
  });

  app.get('/api/jobs', async (request) => ({ jobs: currentUser(ctx, request).state.jobs.list() }));

  app.delete<{ Params: { id: string } }>('/api/jobs/:id', { schema: idSchema }, async (request) =>
    currentUser(ctx, request).state.jobs.cancel(request.params.id),
  );
}
