import type { FastifyInstance } from 'fastify';

import type { ServerContext } from '../context.ts';
import { unauthorized } from '../errors.ts';
import { SESSION_COOKIE, SESSION_COOKIE_OPTIONS } from '../sessions.ts';

const loginSchema = {
  body: {
    type: 'object',
    required: ['username'],
    properties: {
      // Plain names only: they appear in log lines and as keys of the health report.
      username: { type: 'string', minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9._-]+$' },
    },
  },
};

/** Log in, check and log out: the cookie-session half of the BFF pattern. */
export function sessionRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.post<{ Body: { username: string } }>(
    '/api/session',
    { schema: loginSchema },
    async (request, reply) => {
      const previous = ctx.sessions.fromRequest(request);
      if (previous) logout(ctx, previous.token);
      const { username } = request.body;
      ctx.users.ensure(username);
      const session = ctx.sessions.create(username);
      reply.setCookie(SESSION_COOKIE, session.token, SESSION_COOKIE_OPTIONS);
      return { username };
    },
  );

  app.get('/api/session', async (request) => {
    const session = ctx.sessions.fromRequest(request);
    if (!session) throw unauthorized();
    return { username: session.username };
  });

  // Idempotent: logging out twice, or without a session, still clears the cookie.
  app.delete('/api/session', async (request, reply) => {
    const session = ctx.sessions.fromRequest(request);
    if (session) logout(ctx, session.token);
    reply.clearCookie(SESSION_COOKIE, SESSION_COOKIE_OPTIONS);
    return reply.code(204).send();
  });
}

/**
 * Ends the session and the streams opened with it, so a reconnecting client gets 401 instead
 * of a stream it is no longer entitled to. The user's state goes with their last session.
 */
function logout(ctx: ServerContext, token: string): void {
  const session = ctx.sessions.delete(token);
  if (!session) return;
  ctx.streams.endSession(token, 'session ended');
  if (ctx.sessions.countFor(session.username) === 0) ctx.users.delete(session.username);
}
