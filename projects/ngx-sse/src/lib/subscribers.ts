import type { Observer, Subject } from 'rxjs';

import type { SseError } from './sse-error';
import type { SseDeserializer, SseMessage } from './types';

/** One subscription: an RxJS subscriber and the parse-error channel of the handle it came through. */
export interface SseEntry {
  /** The event name (or `COMMENTS`); `null` for every name. */
  readonly type: string | symbol | null;
  readonly deserialize: SseDeserializer;
  readonly subscriber: Observer<SseMessage<unknown>>;
  /** The handle's own parse errors; it also identifies the handle on `release()`. */
  readonly owner: Subject<SseError>;
  /** Called once after a batch that delivered to this entry (one signal write per batch). */
  readonly batchEnd?: () => void;
}

// The key of the group that takes every event name: a symbol, which no server name can equal.
const ANY = Symbol('any');

/**
 * Whether `type` is a name a server sends (and the transport listens for): not the every-name
 * group, not one of the library's own items (comments, role, resume id), which are symbols.
 */
export const isServerName = (type: unknown): type is string => typeof type === 'string';

/**
 * The subscriptions of one connection, grouped by event name. The lists are replaced, never
 * mutated: a delivery in progress keeps iterating the list it started with.
 *
 * @example
 * const subscribers = new SseSubscribers();
 * if (subscribers.add(entry)) backend.listen(entry.type as string); // the first of a server name
 */
export class SseSubscribers {
  readonly #lists = new Map<string | symbol, readonly SseEntry[]>();
  /** The every-name list, kept out of the map lookup each event would otherwise pay. */
  any: readonly SseEntry[] | undefined;
  size = 0;

  /** Adds `entry`; true when it is the first of a server name, which then needs listening for. */
  add(entry: SseEntry): boolean {
    const key = entry.type ?? ANY;
    const list = this.#lists.get(key);
    this.#lists.set(key, list ? [...list, entry] : [entry]);
    this.any = this.#lists.get(ANY);
    this.size++;
    return !list && isServerName(entry.type);
  }

  /**
   * Takes `entry` off if it is there; true when it was the last of a server name, which then
   * needs no more listening for.
   */
  remove(entry: SseEntry): boolean {
    const key = entry.type ?? ANY;
    const list = this.#lists.get(key);
    if (!list?.includes(entry)) return false;
    const left = list.filter((e) => e !== entry);
    this.size--;
    if (left.length) this.#lists.set(key, left);
    else this.#lists.delete(key);
    this.any = this.#lists.get(ANY);
    return !left.length && isServerName(entry.type);
  }

  /** The subscribers of exactly `type` (not the every-name ones). */
  named(type: string | symbol): readonly SseEntry[] | undefined {
    return this.#lists.get(type);
  }

  /** The server names with subscribers: what a new attempt listens for. */
  names(): string[] {
    return [...this.#lists.keys()].filter(isServerName);
  }

  /** Every subscription, in no particular order. */
  entries(): SseEntry[] {
    return [...this.#lists.values()].flat();
  }
}
