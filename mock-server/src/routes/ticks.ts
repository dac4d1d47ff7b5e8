import type { FastifyInstance } from 'fastify';

import { requireEventStreamAccept } from '../accept.ts';
import { remoteOf, startStream } from '../connection.ts';
import type { ServerContext } from '../context.ts';
import { HttpError } from '../errors.ts';
import type { Topic } from '../events.ts';
import { queryOf } from '../schema.ts';
import { formatEvent } from '../sse.ts';

// Ticks carry ids, so an EventSource client resumes with `?lastEventId=`: accepted and ignored,
// as every stream restarts at tick 1.
const ticksSchema = { querystring: queryOf('lastEventId') };

/**
 * `GET /api/ticks`: a public, session-less demo stream, one numbered `tick` per interval.
 * Anyone may open one, so they are capped per client address and in all.
 */
export function tickRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { maxTicks, maxTicksPerAddress, retryMs } = ctx.options;
  const byAddress = new Map<string, number>();
  let total = 0;

  const route = { schema: ticksSchema, preHandler: requireEventStreamAccept };
  app.get('/api/ticks', route, (request, reply) => {
    const address = request.ip;
    const own = byAddress.get(address) ?? 0;
    if (own >= maxTicksPerAddress || total >= maxTicks) {
      const [scope, limit] =
        own >= maxTicksPerAddress ? ['address', maxTicksPerAddress] : ['server', maxTicks];
      const retryAfter = String(Math.max(1, Math.ceil(retryMs / 1000)));
      throw new HttpError(429, 'too-many-streams', { scope, limit }, { 'Retry-After': retryAfter });
    }
    byAddress.set(address, own + 1);
    total++;

    const info = { user: null, session: null, topics: new Set<Topic>(), remote: remoteOf(request) };
    const connection = ctx.streams.open(startStream(reply), info);
    let n = 0;
    const send = () =>
      connection.send(
        formatEvent({ event: 'tick', id: ++n, data: JSON.stringify({ n, at: Date.now() }) }),
      );
    send();
    const timer = setInterval(send, ctx.options.tickMs);
    reply.raw.on('close', () => {
      clearInterval(timer);
      total--;
      const left = (byAddress.get(address) ?? 1) - 1;
      if (left > 0) byAddress.set(address, left);
      else byAddress.delete(address);
    });
  });
}
