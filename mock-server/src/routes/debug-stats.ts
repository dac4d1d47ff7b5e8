import type { FastifyInstance } from 'fastify';

import type { ServerContext } from '../context.ts';
import type { DebugStats } from '../wire.ts';

/**
 * `GET /api/debug/stats` (only with `--faults`): per-user stream and chat-request counts, so
 * e2e can count what a page opened and posted. Public like health (Playwright's API client has
 * no session), which is why it exists only on a test server.
 */
export function debugStatsRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get('/api/debug/stats', async (): Promise<DebugStats> => {
    const users = new Map<string, DebugStats['users'][string]>();
    for (const [user, state] of ctx.users.entries()) {
      users.set(user, { streams: 0, chatRequests: state.counters.chatRequests });
    }
    for (const [user, streams] of ctx.streams.countsByUser()) {
      users.set(user, { chatRequests: 0, ...users.get(user), streams });
    }
    // fromEntries defines own properties, so even a user named __proto__ is listed.
    return { users: Object.fromEntries(users) };
  });
}
