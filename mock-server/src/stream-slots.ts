import { tooManyStreams } from './errors.ts';
import type { StreamCaps } from './wire.ts';

/**
 * The caps on open SSE streams of every streaming route (`/api/events`, `/api/ticks`,
 * `/api/chat`): per session, and in all. The two owners of open streams, `StreamRegistry` and
 * `ChatRunner`, claim a slot before a stream's first byte and release it when its connection
 * closes, however it ends (done, dropped by the client, cut by the server).
 *
 * @example
 * slots.claim(info.session); // throws 429 or 503 too-many-streams over a cap
 * const connection = new SseConnection(startStream(reply), info, max, () => slots.release(info.session));
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
   * Takes a slot for a stream about to start (`session` null for a public stream), or throws
   * `too-many-streams`: 429 over the session's cap, 503 when the server is full.
   */
  claim(session: string | null): void {
    this.check(session);
    this.open++;
    if (session !== null) this.bySession.set(session, (this.bySession.get(session) ?? 0) + 1);
  }

  /**
   * Throws as `claim()` would, without taking a slot: a route checks the caps before it counts
   * the request against another limit (a chat's per-minute quota), so a refused stream costs none.
   */
  check(session: string | null): void {
    const own = session === null ? 0 : (this.bySession.get(session) ?? 0);
    if (session !== null && own >= this.perSession) {
      throw tooManyStreams({ scope: 'session', limit: this.perSession }, this.retryMs);
    }
    if (this.open >= this.max) {
      throw tooManyStreams({ scope: 'global', limit: this.max }, this.retryMs, 503);
    }
  }

  /** The caps and how many slots are taken, for `/api/health`. */
  stats(): Omit<StreamCaps, 'perUser'> {
    return { open: this.open, max: this.max, perSession: this.perSession };
  }

  /** Gives back the slot of a stream that closed. */
  release(session: string | null): void {
    this.open--;
    if (session === null) return;
    const left = (this.bySession.get(session) ?? 1) - 1;
    if (left > 0) this.bySession.set(session, left);
    else this.bySession.delete(session);
  }
}
