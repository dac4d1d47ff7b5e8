import type { FastifyRequest } from 'fastify';

import { ChatRunner } from './chat.ts';
import { unauthorized } from './errors.ts';
import { PendingFault } from './faults.ts';
import { History } from './history.ts';
import { Hub } from './hub.ts';
import { JobBoard } from './jobs.ts';
import { LoadRunner } from './load.ts';
import { startMetricSeries } from './metrics.ts';
import type { ServerOptions } from './options.ts';
import { RateLimiter } from './rate-limit.ts';
import { NOTIFICATIONS_KEPT, Recent } from './recent.ts';
import { SessionStore, type Session } from './sessions.ts';
import { StreamRegistry } from './streams.ts';
import { Users, type UserState } from './users.ts';

/** The server's state and services, shared by the route modules. */
export interface ServerContext {
  options: ServerOptions;
  startedAt: number;
  sessions: SessionStore;
  users: Users;
  streams: StreamRegistry;
  hub: Hub;
  loads: LoadRunner;
  chats: ChatRunner;
  /** `POST /api/chat` requests per user and minute. */
  chatLimit: RateLimiter;
  /** Ends every stream and stops every timer, so the server can close promptly. */
  shutdown(): void;
}

/** Wires the services together and starts the background metric series. */
export function createContext(options: ServerOptions): ServerContext {
  const streams = new StreamRegistry(options.maxBufferBytes, options.heartbeatMs, options.log);
  const users: Users = new Users((user) => ({
    history: new History(options.historySize, hub.latestId),
    jobs: new JobBoard((job) => hub.publish(user, 'job-progress', job)),
    faults: new PendingFault(),
    notifications: new Recent(NOTIFICATIONS_KEPT),
    counters: { chatRequests: 0 },
  }));
  const hub = new Hub(streams, users);
  const loads = new LoadRunner();
  const chats = new ChatRunner(options.maxBufferBytes, options.log);
  const stopMetrics = startMetricSeries(hub, options.metricsMs);
  return {
    options,
    startedAt: Date.now(),
    sessions: new SessionStore(),
    users,
    streams,
    hub,
    loads,
    chats,
    chatLimit: new RateLimiter(options.chatPerMinute, 60_000, 'too-many-chats'),
    shutdown() {
      stopMetrics();
      loads.stopAll();
      chats.stopAll();
      users.clear();
      streams.close();
    },
  };
}

/** The session and user state of a request on a protected route (`requireSession` ran). */
export function currentUser(
  ctx: ServerContext,
  request: FastifyRequest,
): { session: Session; state: UserState } {
  const state = request.session && ctx.users.get(request.session.username);
  if (!request.session || !state) throw unauthorized();
  return { session: request.session, state };
}
