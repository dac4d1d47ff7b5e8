import { formatEventId, newEpoch } from './event-id.ts';
import { TOPIC_OF, type EventName, type EventPayloads } from './events.ts';
import type { StoredEvent } from './history.ts';
import { formatEvent } from './sse.ts';
import type { Notification } from './wire.ts';
import type { StreamRegistry } from './streams.ts';
import type { Users } from './users.ts';

/**
 * Publishes events: gives each a global, monotonically increasing id, frames it once, records
 * it in the history of every user it is for, and writes it to their matching open streams.
 * Publishing is synchronous, so a stream that replays history and registers in the same tick
 * can neither miss nor duplicate an event.
 */
export class Hub {
  /** This run's epoch, the first part of every event id. */
  readonly epoch = newEpoch();
  private lastSeq = 0;

  constructor(
    private readonly streams: StreamRegistry,
    private readonly users: Users,
  ) {}

  /** The sequence number of the latest event published (0 before the first). */
  get latestSeq(): number {
    return this.lastSeq;
  }

  /** Publishes to one user, or to every user when `to` is null; a logged-out user gets nothing. */
  publish<E extends EventName>(to: string | null, event: E, data: EventPayloads[E]): void {
    const recipient = to === null ? undefined : this.users.get(to);
    if (to !== null && !recipient) return;
    const seq = ++this.lastSeq;
    const stored: StoredEvent = {
      id: seq,
      topic: TOPIC_OF[event],
      frame: Buffer.from(
        formatEvent({ event, id: formatEventId(this.epoch, seq), data: JSON.stringify(data) }),
      ),
    };
    for (const user of recipient ? [recipient] : this.users.all()) {
      user.history.push(stored);
      if (event === 'notification') user.notifications.add(data as Notification);
    }
    const connections = to === null ? this.streams.everyone() : this.streams.ofUser(to);
    for (const connection of connections) {
      if (connection.accepts(stored.topic)) connection.send(stored.frame);
    }
    // Every socket written to stays corked until the end of this tick (see SseConnection), so
    // a burst of events published together leaves as one write per socket.
  }
}
