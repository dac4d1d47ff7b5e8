import type { FastifyReply } from 'fastify';

import { HttpError, sendError } from './errors.ts';
import { allowOf } from './method-not-allowed.ts';

/** A fault applied to a user's next stream requests instead of opening a stream. */
export type RequestFault =
  { kind: 'status'; status: number } | { kind: 'bad-mime' } | { kind: 'no-content' };

/**
 * A user's pending request fault. Setting one replaces the previous one, so a test that
 * left a fault behind cannot poison the next, and the state stays one entry per user.
 */
export class PendingFault {
  private pending: { fault: RequestFault; remaining: number } | undefined;

  /** Arms `fault` for the user's next `count` stream requests. */
  arm(fault: RequestFault, count: number): void {
    this.pending = { fault, remaining: count };
  }

  /** The fault for this stream request, if one is armed; consumes one use. */
  take(): RequestFault | undefined {
    const pending = this.pending;
    if (!pending) return undefined;
    if (--pending.remaining === 0) this.pending = undefined;
    return pending.fault;
  }
}

/**
 * The headers an injected status needs to be a valid answer: `Retry-After` tells a client
 * when to retry a 429 or 503, and RFC 9110 requires `Allow` on every 405 (the route's real one).
 */
function faultHeaders(reply: FastifyReply, status: number): Record<string, string> {
  if (status === 429 || status === 503) return { 'Retry-After': '1' };
  const allow = status === 405 ? allowOf(reply.request) : undefined;
  return allow === undefined ? {} : { Allow: allow };
}

/** Answers a stream request the way the armed fault says. */
export function respondWithFault(reply: FastifyReply, fault: RequestFault): FastifyReply {
  switch (fault.kind) {
    case 'status': {
      const headers = faultHeaders(reply, fault.status);
      const error = new HttpError(
        fault.status,
        'injected-fault',
        { status: fault.status },
        headers,
      );
      return sendError(reply, error);
    }
    case 'bad-mime':
      return reply.type('text/plain; charset=utf-8').send('injected fault: not an event stream\n');
    case 'no-content':
      return reply.code(204).send();
  }
}
