import type { ServerResponse } from 'node:http';

import { tooManyStreams } from './errors.ts';
import { onceClosed } from './response-closed.ts';
import type { StreamCaps } from './wire.ts';

/**
 * The caps on open SSE streams of every streaming route (`/api/events`, `/api/ticks`,
 * `/api/chat`): per session, and in all. A route claims a slot before it sends any stream byte;
 * the slot frees itself when the response closes, however it ends (done, dropped, cut, refused
 * later on), so no path can leak one.
 *
 * @example
 * ctx.slots.claim(reply.raw, session.token); // throws 429 or 503 too-many-streams over a cap
 * connection = streams.open(startStream(reply), info);
 */
export class StreamSlots {
  private open = 0;
  private readonly bySession = new Map<string, number>();

  constructor(
    private readonly max: number,
    private readonly perSession: number,
    private readonly retryMs: number,
  ) {}

  /**
   * Takes a slot for the stream about to start on `res` (`session` null for a public stream),
   * or throws `too-many-streams`: 429 over the session's cap, 503 when the server is full.
   */
  claim(res: ServerResponse, session: string | null): void {
    const own = session === null ? 0 : (this.bySession.get(session) ?? 0);
    if (session !== null && own >= this.perSession) {
      throw tooManyStreams({ scope: 'session', limit: this.perSession }, this.retryMs);
    }
    if (this.open >= this.max) {
      throw tooManyStreams({ scope: 'global', limit: this.max }, this.retryMs, 503);
    }
    this.open++;
    if (session !== null) this.bySession.set(session, own + 1);
    onceClosed(res, () => this.release(session));
  }

  /** The caps and how many slots are taken, for `/api/health`. */
  stats(): Omit<StreamCaps, 'perUser'> {
    return { open: this.open, max: this.max, perSession: this.perSession };
  }

  private release(session: string | null): void {
    this.open--;
    if (session === null) return;
    const left = (this.bySession.get(session) ?? 1) - 1;
    if (left > 0) this.bySession.set(session, left);
    else this.bySession.delete(session);
  }
}
