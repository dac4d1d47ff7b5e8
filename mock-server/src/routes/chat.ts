import type { FastifyInstance } from 'fastify';

import { requireEventStreamAccept } from '../accept.ts';
import { remoteOf } from '../connection.ts';
import { currentUser, type ServerContext } from '../context.ts';
import { textOf } from '../schema.ts';
import type { ChatRequest } from '../wire.ts';

const chatSchema = {
  body: {
    type: 'object',
    required: ['prompt'],
    additionalProperties: false,
    properties: { prompt: textOf(2000, { minLength: 1 }) },
  },
};

/**
 * `POST /api/chat`: a streamed answer (`token`... `done`) to a JSON prompt, the POST-stream
 * pattern of LLM APIs. Every request is counted (debug stats) before the per-user rate limit.
 */
export function chatRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.post<{ Body: ChatRequest }>(
    '/api/chat',
    {
      schema: chatSchema,
      preHandler: requireEventStreamAccept,
      onRequest: async (request) => {
        const { state } = currentUser(ctx, request);
        state.counters.chatRequests++;
      },
    },
    (request, reply) => {
      const { session } = currentUser(ctx, request);
      // A chat the stream caps refuse must not use up a chat of the per-minute quota.
      ctx.slots.check(session.token);
      ctx.chatLimit.hit(session.username);
      const info = {
        user: session.username,
        session: session.token,
        topics: new Set<never>(),
        remote: remoteOf(request),
      };
      ctx.chats.start(reply, info, request.body.prompt);
      return reply;
    },
  );
}
