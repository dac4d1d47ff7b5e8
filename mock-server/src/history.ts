import type { Topic } from './events.ts';

/**
 * One published event, framed and UTF-8 encoded once, and shared by every stream and history
 * that holds it: writing a Buffer spares each socket its own encoding pass.
 */
export interface StoredEvent {
  id: number;
  topic: Topic | null;
  frame: Buffer;
}

/** What a resuming client missed, and whether some of it is no longer available. */
export interface Missed {
  events: StoredEvent[];
  /** True when an event newer than the client's last id was evicted (or predates this history). */
  gap: boolean;
  oldestAvailableId: number | null;
}

/** A bounded ring of one user's events in id order, for `Last-Event-ID` replay. */
export class History {
  private readonly ring: StoredEvent[] = [];
  private start = 0;
  /** Highest id this history cannot replay: the last evicted one, or where the history began. */
  private floor: number;

  /** `startsAfterId` is the latest id published before this user existed. */
  constructor(
    private readonly capacity: number,
    startsAfterId: number,
  ) {
    this.floor = startsAfterId;
  }

  /** Appends an event, evicting the oldest when full. Ids must arrive in increasing order. */
  push(event: StoredEvent): void {
    if (this.capacity === 0) {
      this.floor = event.id;
    } else if (this.ring.length < this.capacity) {
      this.ring.push(event);
    } else {
      this.floor = this.ring[this.start].id;
      this.ring[this.start] = event;
      this.start = (this.start + 1) % this.capacity;
    }
  }

  /** The sequence number a replay of everything held starts after. */
  get floorSeq(): number {
    return this.floor;
  }

  /** Events with id > lastId, oldest first. */
  since(lastId: number): Missed {
    const events: StoredEvent[] = [];
    for (let i = 0; i < this.ring.length; i++) {
      const event = this.ring[(this.start + i) % this.ring.length];
      if (event.id > lastId) events.push(event);
    }
    const oldestAvailableId = this.ring.length > 0 ? this.ring[this.start].id : null;
    return { events, gap: lastId < this.floor, oldestAvailableId };
  }
}
