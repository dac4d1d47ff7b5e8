import type { FastifyInstance } from 'fastify';

import { requireEventStreamAccept } from '../accept.ts';
import { remoteOf } from '../connection.ts';
import type { ServerContext } from '../context.ts';
import { tooManyStreams } from '../errors.ts';
import type { Topic } from '../events.ts';
import { requestedId } from '../last-event-id.ts';
import { onceClosed } from '../response-closed.ts';
import { queryOf } from '../schema.ts';
import { formatEvent } from '../sse.ts';
import type { HistoryReset } from '../wire.ts';

// `lastEventId`: the library's `lastEventIdParam`, which its EventSource transport adds on resume.
const ticksSchema = { querystring: queryOf('lastEventId') };

// A tick's id is its number, and the same digits cap as the sequence of /api/events ids keeps
// it a safe integer.
const TICK_ID = /^\d{1,15}$/;

/**
 * Where a tick stream starts. Tick `n` is the same whenever it is sent, so resuming needs no
 * history: the stream goes on at `n + 1`, and no id can be too old, ahead or of another run.
 * An id that is no tick number (an `/api/events` id, `-1`, `1.5`) gets the `reset` of
 * `/api/events` with reason `unknown-id`, then ticks from 1; text that cannot be an id at all
 * is the 400 of `requestedId`.
 */
function tickStart(lastEventId: string): { first: number; reset?: string } {
  if (lastEventId === '') return { first: 1 };
  if (TICK_ID.test(lastEventId)) return { first: Number(lastEventId) + 1 };
  const reset: HistoryReset = { reason: 'unknown-id', lastEventId, oldestAvailableId: null };
  return { first: 1, reset: formatEvent({ event: 'reset', data: JSON.stringify(reset) }) };
}

/**
 * `GET /api/ticks`: a public, session-less demo stream, one numbered `tick` per interval, that
 * resumes after the `Last-Event-ID` it is given. Anyone may open one, so they are capped per
 * client address and in all.
 */
export function tickRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { maxTicks, maxTicksPerAddress, retryMs } = ctx.options;
  const byAddress = new Map<string, number>();
  let total = 0;

  const route = { schema: ticksSchema, preHandler: requireEventStreamAccept };
  app.get('/api/ticks', route, (request, reply) => {
    const { first, reset } = tickStart(requestedId(request).text);
    const address = request.ip;
    const own = byAddress.get(address) ?? 0;
    if (own >= maxTicksPerAddress || total >= maxTicks) {
      // One address over its share is the client's doing (429); a full server is not (503).
      if (own >= maxTicksPerAddress) {
        throw tooManyStreams({ scope: 'address', limit: maxTicksPerAddress }, retryMs);
      }
      throw tooManyStreams({ scope: 'server', limit: maxTicks }, retryMs, 503);
    }
    const info = { user: null, session: null, topics: new Set<Topic>(), remote: remoteOf(request) };
    const connection = ctx.streams.open(reply, info);
    byAddress.set(address, own + 1);
    total++;
    if (reset) connection.send(reset);
    let n = first - 1;
    const send = () =>
      connection.send(
        formatEvent({ event: 'tick', id: ++n, data: JSON.stringify({ n, at: Date.now() }) }),
      );
    send();
    const timer = setInterval(send, ctx.options.tickMs);
    onceClosed(reply.raw, () => {
      clearInterval(timer);
      total--;
      const left = (byAddress.get(address) ?? 1) - 1;
      if (left > 0) byAddress.set(address, left);
      else byAddress.delete(address);
    });
  });
}
