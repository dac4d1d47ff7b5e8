import type { FastifyInstance } from 'fastify';

import type { ServerContext } from '../context.ts';
import { HttpError } from '../errors.ts';
import { SESSION_COOKIE, SESSION_COOKIE_OPTIONS } from '../session-cookie.ts';
import type { SessionBody, SessionStatus } from '../wire.ts';

const loginSchema = {
  body: {
    type: 'object',
    required: ['username'],
    additionalProperties: false,
    properties: {
      // Plain names only: they appear in log lines and as keys of the health report.
      username: { type: 'string', minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9._-]+$' },
    },
  },
};

/** Log in, check and log out: the cookie-session half of the BFF pattern. */
export function sessionRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.post<{ Body: SessionBody }>(
    '/api/session',
    {
      schema: loginSchema,
      // Counted before validation: bad attempts cost the same as good ones.
      onRequest: async (request) => ctx.loginLimit.hit(request.ip),
    },
    async (request, reply) => {
      const previous = ctx.sessions.fromRequest(request);
      if (previous) ctx.endSession(previous.token, 'session ended');
      if (ctx.sessions.size >= ctx.options.maxSessions && ctx.expireIdleSessions() === 0) {
        const { maxSessions, sessionTtlMs } = ctx.options;
        throw new HttpError(
          503,
          'too-many-sessions',
          { limit: maxSessions, idleTtlMs: sessionTtlMs },
          { 'Retry-After': String(Math.ceil(Math.min(sessionTtlMs, 60_000) / 1000)) },
        );
      }
      const { username } = request.body;
      ctx.users.ensure(username);
      const session = ctx.sessions.create(username);
      reply.setCookie(SESSION_COOKIE, session.token, SESSION_COOKIE_OPTIONS);
      return { username };
    },
  );

  app.get('/api/session', async (request): Promise<SessionStatus> => ({
    username: ctx.sessions.fromRequest(request)?.username ?? null,
  }));

  // Idempotent: logging out twice, or without a session, still clears the cookie.
  app.delete('/api/session', async (request, reply) => {
    const session = ctx.sessions.fromRequest(request);
    if (session) ctx.endSession(session.token, 'session ended');
    reply.clearCookie(SESSION_COOKIE, SESSION_COOKIE_OPTIONS);
    return reply.code(204).send();
  });
}
