import type { Observer } from 'rxjs';

import type { SseError } from './sse-error';
import type { SseDeserializer, SseMessage } from './types';

/** Who subscribed: a stream handle, which hears its own parse errors. */
export interface SseSubscriberOwner {
  parseError(error: SseError): void;
}

/** One subscription: an RxJS subscriber and the handle it came through. */
export interface SseEntry {
  /** The event name; `null` for every name. */
  readonly type: string | null;
  readonly subscriber: Observer<SseMessage<unknown>>;
  readonly owner: SseSubscriberOwner;
  /** Called once after a batch that delivered to this entry (one signal write per batch). */
  readonly batchEnd?: () => void;
}

/** The subscribers of one event name (or of every name) that share a deserializer. */
interface Group {
  readonly deserialize: SseDeserializer;
  // Replaced, never mutated: a delivery in progress keeps iterating the array it started with.
  entries: readonly SseEntry[];
}

/** Makes the error for a payload a deserializer rejected, and counts it. */
export type SseParseFailure = (type: string, cause: unknown) => SseError;

// The key of the groups that take every event name.
const ANY = '\0any';

/**
 * Fans events out by name. Each event is deserialized once per deserializer among its
 * subscribers (handles share the built-in `json` and `text` ones), however many subscribe.
 */
export class SseMultiplexer {
  readonly #groups = new Map<string, Group[]>();
  readonly #touched = new Set<SseEntry>();
  #size = 0;

  /** How many subscribers there are, over all names. */
  get size(): number {
    return this.#size;
  }

  /** Event names with at least one subscriber (not `events()` or comment subscribers). */
  names(): string[] {
    return [...this.#groups.keys()].filter((name) => name[0] !== '\0');
  }

  /**
   * Adds a subscriber to `type` (`null`: every name). Returns true when `type` had none before,
   * so the caller starts listening for it.
   */
  add(deserialize: SseDeserializer, entry: SseEntry): boolean {
    const { type } = entry;
    const key = type ?? ANY;
    let groups = this.#groups.get(key);
    const fresh = !groups;
    if (!groups) this.#groups.set(key, (groups = []));
    const group = groups.find((g) => g.deserialize === deserialize);
    if (group) group.entries = [...group.entries, entry];
    else groups.push({ deserialize, entries: [entry] });
    this.#size++;
    return fresh && type !== null && type[0] !== '\0';
  }

  /** Removes a subscription; returns true when `type` has none left (stop listening for it). */
  remove(entry: SseEntry): boolean {
    const { type } = entry;
    const key = type ?? ANY;
    const groups = this.#groups.get(key);
    const group = groups?.find((g) => g.entries.includes(entry));
    if (!groups || !group) return false;
    group.entries = group.entries.filter((e) => e !== entry);
    this.#size--;
    if (!group.entries.length) groups.splice(groups.indexOf(group), 1);
    if (groups.length) return false;
    this.#groups.delete(key);
    return type !== null && type[0] !== '\0';
  }

  /** Every subscription, in no particular order. */
  entries(): SseEntry[] {
    return [...this.#groups.values()].flatMap((groups) => groups.flatMap((g) => g.entries));
  }

  /** Takes `owner`'s subscriptions off; returns them and the names that lost their last one. */
  take(owner: SseSubscriberOwner): { taken: SseEntry[]; emptied: string[] } {
    const taken = this.entries().filter((entry) => entry.owner === owner);
    const emptied = taken.filter((entry) => this.remove(entry)).map((entry) => entry.type!);
    return { taken, emptied };
  }

  /** Delivers one event to the subscribers of its name and of every name. */
  deliver(
    type: string,
    data: string,
    lastEventId: string,
    receivedAt: number,
    parseFailure: SseParseFailure,
  ): void {
    const named = this.#groups.get(type);
    const any = this.#groups.get(ANY);
    // A deserializer can serve both the named and the every-name groups: one result each, kept
    // in a list (one or two entries in practice), so neither the work nor a parse error doubles.
    const done: {
      deserialize: SseDeserializer;
      message: SseMessage<unknown> | null;
      error: SseError | null;
      /** Owners already told of `error` (only made for a failure). */
      told: Set<SseSubscriberOwner> | null;
    }[] = [];
    for (let pass = 0; pass < 2; pass++) {
      const groups = pass === 0 ? named : any;
      if (!groups) continue;
      for (const { deserialize, entries } of groups) {
        let result = done.find((r) => r.deserialize === deserialize);
        if (!result) {
          try {
            const message = { type, data: deserialize(data, type), lastEventId, receivedAt };
            result = { deserialize, message, error: null, told: null };
          } catch (cause) {
            result = {
              deserialize,
              message: null,
              error: parseFailure(type, cause),
              told: new Set(),
            };
          }
          done.push(result);
        }
        if (result.error) reportTo(entries, result.error, result.told!);
        else {
          for (const entry of entries) {
            entry.subscriber.next(result.message!);
            if (entry.batchEnd) this.#touched.add(entry);
          }
        }
      }
    }
  }

  /** Tells the entries that received events in this batch that it is over. */
  endBatch(): void {
    if (!this.#touched.size) return;
    const touched = [...this.#touched];
    this.#touched.clear();
    for (const entry of touched) entry.batchEnd!();
  }
}

/** Each owner hears a parse error once, however many of its subscribers saw the event. */
function reportTo(
  entries: readonly SseEntry[],
  error: SseError,
  told: Set<SseSubscriberOwner>,
): void {
  for (const { owner } of entries) {
    if (told.has(owner)) continue;
    told.add(owner);
    owner.parseError(error);
  }
}
