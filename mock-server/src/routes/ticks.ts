import type { FastifyInstance } from 'fastify';

import { remoteOf, startStream } from '../connection.ts';
import type { ServerContext } from '../context.ts';
import type { Topic } from '../events.ts';
import { formatEvent } from '../sse.ts';

/** `GET /api/ticks`: a public, session-less demo stream, one numbered `tick` per interval. */
export function tickRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get('/api/ticks', (request, reply) => {
    const info = { user: null, session: null, topics: new Set<Topic>(), remote: remoteOf(request) };
    const connection = ctx.streams.open(startStream(reply), info);
    let n = 0;
    const send = () =>
      connection.send(
        formatEvent({ event: 'tick', id: ++n, data: JSON.stringify({ n, at: Date.now() }) }),
      );
    send();
    const timer = setInterval(send, ctx.options.tickMs);
    reply.raw.on('close', () => clearInterval(timer));
  });
}
