import type { FastifyReply } from 'fastify';

import { SseConnection, startStream, type StreamInfo } from './connection.ts';
import { formatComment } from './sse.ts';
import type { StreamSlots } from './stream-slots.ts';
import type { Health } from './wire.ts';

/** Every open stream, indexed by user; logs each one opening and closing and sends heartbeats. */
export class StreamRegistry {
  private readonly all = new Set<SseConnection>();
  private readonly byUser = new Map<string, Set<SseConnection>>();
  private readonly heartbeatTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly slots: StreamSlots,
    private readonly maxBufferBytes: number,
    heartbeatMs: number,
    private readonly log: (line: string) => void,
  ) {
    if (heartbeatMs > 0) {
      const frame = formatComment('heartbeat');
      this.heartbeatTimer = setInterval(() => {
        for (const connection of this.all) connection.heartbeat(frame);
      }, heartbeatMs);
    }
  }

  /**
   * Starts an event stream on the reply and registers it; over a stream cap, throws the
   * `too-many-streams` error instead, before any byte of the stream.
   */
  open(reply: FastifyReply, info: StreamInfo): SseConnection {
    this.slots.claim(info.session);
    const connection = new SseConnection(
      startStream(reply),
      info,
      this.maxBufferBytes,
      (c, reason) => this.remove(c, reason),
    );
    this.all.add(connection);
    if (info.user !== null) {
      const own = this.byUser.get(info.user) ?? new Set();
      this.byUser.set(info.user, own.add(connection));
    }
    this.log(`stream #${connection.id} opened ${describe(info)}`);
    return connection;
  }

  /** Every open stream (public ones included). */
  everyone(): Iterable<SseConnection> {
    return this.all;
  }

  /** The user's open streams. */
  ofUser(user: string): Iterable<SseConnection> {
    return this.byUser.get(user) ?? [];
  }

  /** How many streams the user has open. */
  countFor(user: string): number {
    return this.byUser.get(user)?.size ?? 0;
  }

  /** Totals for the health endpoint: all streams, users streaming, public (session-less) ones. */
  stats(): Health['streams'] {
    let own = 0;
    for (const streams of this.byUser.values()) own += streams.size;
    return { total: this.all.size, users: this.byUser.size, public: this.all.size - own };
  }

  /** Open streams per user, for the debug stats. */
  *countsByUser(): Iterable<[string, number]> {
    for (const [user, own] of this.byUser) yield [user, own.size];
  }

  /** The session tokens that have a stream open (they count as in use). */
  sessionsInUse(): Set<string> {
    const tokens = new Set<string>();
    for (const connection of this.all) {
      if (connection.info.session !== null) tokens.add(connection.info.session);
    }
    return tokens;
  }

  /** Ends the streams opened with this session token; returns how many. */
  endSession(session: string, reason: string): number {
    return this.endEach(
      [...this.all].filter((c) => c.info.session === session),
      reason,
    );
  }

  /** Ends all the user's streams; returns how many. */
  endUser(user: string, reason: string): number {
    return this.endEach([...this.ofUser(user)], reason);
  }

  /** Stops heartbeats and ends every stream (server shutdown). */
  close(): void {
    clearInterval(this.heartbeatTimer);
    this.endEach([...this.all], 'server shutdown');
  }

  private endEach(connections: SseConnection[], reason: string): number {
    for (const connection of connections) connection.end(reason);
    return connections.length;
  }

  private remove(connection: SseConnection, reason: string): void {
    this.slots.release(connection.info.session);
    this.all.delete(connection);
    const { user } = connection.info;
    const own = user === null ? undefined : this.byUser.get(user);
    own?.delete(connection);
    if (user !== null && own?.size === 0) this.byUser.delete(user);
    const seconds = ((Date.now() - connection.openedAt) / 1000).toFixed(1);
    this.log(
      `stream #${connection.id} closed after ${seconds}s (${reason}) ${describe(connection.info)}`,
    );
  }
}

function describe({ user, topics, remote }: StreamInfo): string {
  return `user=${user ?? '-'} topics=${[...topics].join(',') || '-'} remote=${remote}`;
}
