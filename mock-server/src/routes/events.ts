import type { FastifyInstance } from 'fastify';

import { requireEventStreamAccept } from '../accept.ts';
import { remoteOf } from '../connection.ts';
import { currentUser, type ServerContext } from '../context.ts';
import { tooManyStreams } from '../errors.ts';
import { parseTopics } from '../events.ts';
import { respondWithFault } from '../faults.ts';
import { parseResumePoint } from '../event-id.ts';
import { requestedId } from '../last-event-id.ts';
import { resumeFrames } from '../replay.ts';
import { queryOf } from '../schema.ts';
import { formatComment, formatEvent } from '../sse.ts';

interface EventsQuery {
  topics?: string;
  lastEventId?: string;
}

// `lastEventId`: the library's `lastEventIdParam`, which its EventSource transport adds on resume.
const eventsSchema = { querystring: queryOf('topics', 'lastEventId') };

/** `GET /api/events`: the user's stream: own events plus broadcasts, replayable by id. */
export function eventRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { options, streams, hub } = ctx;

  app.get<{ Querystring: EventsQuery }>(
    '/api/events',
    { schema: eventsSchema, preHandler: requireEventStreamAccept },
    (request, reply) => {
      const { session, state } = currentUser(ctx, request);
      const topics = parseTopics(request.query.topics);
      const point = parseResumePoint(requestedId(request).text, hub.epoch);

      const fault = state.faults.take();
      if (fault) return respondWithFault(reply, fault);
      const limit = options.maxStreamsPerUser;
      if (streams.countFor(session.username) >= limit) {
        throw tooManyStreams({ scope: 'user', limit }, options.retryMs);
      }

      const connection = streams.open(reply, {
        user: session.username,
        session: session.token,
        topics,
        remote: remoteOf(request),
      });
      // Same tick as registration (publishing is synchronous): no event can fall in between.
      const { startId, frames } = resumeFrames(state.history, point, hub, topics);
      // The id makes the client's resume point this stream's start, even if no event follows.
      connection.send(formatEvent({ retry: options.retryMs, id: startId }));
      connection.send(formatComment(`stream ${connection.id} for ${session.username}`));
      for (const frame of frames) connection.send(frame);
      return reply;
    },
  );
}
