import { randomBytes } from 'node:crypto';

import type { FastifyRequest } from 'fastify';

import { unauthorized } from './errors.ts';
import { SESSION_COOKIE } from './session-cookie.ts';

/** A logged-in browser: the random token in its cookie maps to a user. */
export interface Session {
  token: string;
  username: string;
  createdAt: number;
  /** When a request last used it (or a stream was open on it), for the idle TTL. */
  lastSeenAt: number;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by `requireSession` on protected routes. */
    session: Session | null;
  }
}

/** In-memory session store, BFF style: the browser holds only an opaque token. */
export class SessionStore {
  private readonly byToken = new Map<string, Session>();
  private readonly countByUser = new Map<string, number>();

  /** Opens a session with a fresh 256-bit token. */
  create(username: string): Session {
    const session = {
      token: randomBytes(32).toString('base64url'),
      username,
      createdAt: Date.now(),
      lastSeenAt: Date.now(),
    };
    this.byToken.set(session.token, session);
    this.countByUser.set(username, this.countFor(username) + 1);
    return session;
  }

  /** The session of the request's cookie, if it is a live one. */
  fromRequest(request: FastifyRequest): Session | undefined {
    const token = request.cookies[SESSION_COOKIE];
    const session = token === undefined ? undefined : this.byToken.get(token);
    if (session) session.lastSeenAt = Date.now();
    return session;
  }

  /** Ends a session; returns it, or undefined if it was not live. */
  delete(token: string): Session | undefined {
    const session = this.byToken.get(token);
    if (!session) return undefined;
    this.byToken.delete(token);
    const left = this.countFor(session.username) - 1;
    if (left > 0) this.countByUser.set(session.username, left);
    else this.countByUser.delete(session.username);
    return session;
  }

  /** Every live session. */
  all(): Iterable<Session> {
    return this.byToken.values();
  }

  /** How many sessions are live. */
  get size(): number {
    return this.byToken.size;
  }

  /** How many live sessions the user has. */
  countFor(username: string): number {
    return this.countByUser.get(username) ?? 0;
  }
}

/** onRequest hook of the protected routes: 401 JSON unless the cookie names a live session. */
export function requireSession(store: SessionStore) {
  return async (request: FastifyRequest): Promise<void> => {
    request.session = store.fromRequest(request) ?? null;
    if (!request.session) throw unauthorized();
  };
}
