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
import { StreamSlots } from './stream-slots.ts';
import { StreamRegistry } from './streams.ts';
import { Users, type UserState } from './users.ts';

/** The server's state and services, shared by the route modules. */
export interface ServerContext {
  options: ServerOptions;
  startedAt: number;
  sessions: SessionStore;
  users: Users;
  streams: StreamRegistry;
  /** The per-session and global caps on open streams, over every streaming route. */
  slots: StreamSlots;
  hub: Hub;
  /** The `POST /api/load` generators, within their caps per session and in all. */
  loads: LoadRunner;
  chats: ChatRunner;
  /** `POST /api/chat` requests per user and minute. */
  chatLimit: RateLimiter;
  /** `POST /api/session` requests per client address and minute. */
  loginLimit: RateLimiter;
  /**
   * Ends a session and the streams opened with it, so a reconnecting client gets 401 instead of
   * a stream it is no longer entitled to, and stops its load runs. The user's state goes with
   * their last session.
   */
  endSession(token: string, reason: string): void;
  /** Ends the sessions idle for longer than the TTL; returns how many. */
  expireIdleSessions(): number;
  /** Ends every stream and stops every timer, so the server can close promptly. */
  shutdown(): void;
}

/** Wires the services together and starts the background metric series. */
export function createContext(options: ServerOptions): ServerContext {
  const slots = new StreamSlots(
    options.maxStreams,
    options.maxStreamsPerSession ?? options.maxStreamsPerUser,
    options.retryMs,
  );
  const streams = new StreamRegistry(
    slots,
    options.maxBufferBytes,
    options.heartbeatMs,
    options.log,
  );
  const users: Users = new Users((user) => ({
    history: new History(options.historySize, hub.latestSeq),
    jobs: new JobBoard((job) => hub.publish(user, 'job-progress', job)),
    faults: new PendingFault(),
    notifications: new Recent(NOTIFICATIONS_KEPT),
    read: new Set(),
    counters: { chatRequests: 0 },
  }));
  const hub = new Hub(streams, users);
  const loads = new LoadRunner(options.maxLoads, options.maxLoadsPerSession);
  const chats = new ChatRunner(slots, options.maxBufferBytes, options.log);
  const stopMetrics = startMetricSeries(hub, options.metricsMs);
  const sessions = new SessionStore();
  const endSession = (token: string, reason: string) => {
    const session = sessions.delete(token);
    if (!session) return;
    streams.endSession(token, reason);
    chats.endSession(token, reason);
    loads.endSession(token);
    if (sessions.countFor(session.username) === 0) users.delete(session.username);
  };
  const expireIdleSessions = () => {
    const now = Date.now();
    const inUse = streams.sessionsInUse();
    const idle = [...sessions.all()].filter((session) => {
      if (inUse.has(session.token)) session.lastSeenAt = now;
      return now - session.lastSeenAt > options.sessionTtlMs;
    });
    for (const session of idle) endSession(session.token, 'session expired');
    return idle.length;
  };
  // Often enough that a session outlives its TTL by at most a quarter of it (a minute at most).
  const sweepMs = Math.min(60_000, Math.max(50, options.sessionTtlMs / 4));
  const sweeper = setInterval(expireIdleSessions, sweepMs).unref();
  return {
    options,
    startedAt: Date.now(),
    sessions,
    endSession,
    expireIdleSessions,
    users,
    streams,
    slots,
    hub,
    loads,
    chats,
    chatLimit: new RateLimiter(options.chatPerMinute, 60_000, 'too-many-chats'),
    loginLimit: new RateLimiter(options.loginsPerMinute, 60_000, 'too-many-logins'),
    shutdown() {
      stopMetrics();
      clearInterval(sweeper);
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
