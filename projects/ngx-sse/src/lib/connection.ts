import { type WritableSignal, signal } from '@angular/core';
import { BehaviorSubject, type Observer, Subject } from 'rxjs';

import type { SseRole } from './backend';
import type { SseBatcher } from './batcher';
import {
  ROLE,
  type SseMachineContext,
  type SseMachineRequest,
  SseReconnectMachine,
} from './reconnect-machine';
import { SseError } from './sse-error';
import type { SseDeserializer, SseDiagnostics, SseMessage, SseState, SseTransition } from './types';

/** One subscription: an RxJS subscriber and the parse-error channel of the handle it came through. */
export interface SseEntry {
  /** The event name; `null` for every name. */
  readonly type: string | null;
  readonly subscriber: Observer<SseMessage<unknown>>;
  /** The handle's own parse errors; it also identifies the handle on `release()`. */
  readonly owner: Subject<SseError>;
  /** Called once after a batch that delivered to this entry (one signal write per batch). */
  readonly batchEnd?: () => void;
}

// Pseudo event names start with `\0` (see COMMENTS), which no real name does. The subscribers a close ends, once the events before it are out (`data`: the entries, `at`: the error).
const END = '\0end';
// The key of the groups that take every event name.
const ANY = '\0any';

/**
 * One shared connection: it opens on the first subscriber and closes after the last one leaves
 * (after the linger, if any); its reconnect machine owns the attempts. The connection fans events
 * out by name and publishes the state and diagnostics.
 *
 * What the machine reports is queued flat (four slots per item: name or `null` for a transition,
 * data, id, time; no object per event) and flushed per batch: the counters are kept as items
 * arrive and committed once, before the batch is delivered. Each event is deserialized once per
 * deserializer among its subscribers, however many subscribe.
 */
export class SseConnection {
  readonly state = signal<SseState>({ status: 'idle' });
  readonly state$ = new BehaviorSubject<SseState>({ status: 'idle' });
  readonly diagnostics: WritableSignal<SseDiagnostics>;
  readonly diagnostics$: BehaviorSubject<SseDiagnostics>;
  /** Connection failures (not parse errors, which go to the handle that saw them). */
  readonly failures = new Subject<SseError>();

  // Per name: deserializer, entries, deserializer, entries… Both the lists and the entry arrays
  // are replaced, never mutated: a delivery in progress keeps iterating what it started with.
  readonly #groups = new Map<string, unknown[]>();
  readonly #touched = new Set<SseEntry>();
  // Deserializer, message and error of the named groups of the event being delivered, for the
  // every-name groups (an event is deserialized once per deserializer).
  readonly #done: unknown[] = [];
  #size = 0;
  #items: unknown[] = [];
  #flushing = false;

  #lastEventId = '';
  #connectedAt: number | null = null;
  #lastEventAt: number | null = null;
  #eventsReceived = 0;
  #reconnects = 0;
  #parseErrors = 0;
  #lastError: SseError | null = null;
  #log: SseTransition[] = [];
  #role: SseRole = 'solo';
  #nextState: SseState | null = null;
  #dirty = false;

  readonly #machine: SseReconnectMachine;
  readonly #ctx: SseMachineContext;
  readonly #url: string;
  readonly #batcher: SseBatcher;
  readonly #lingerMs: number;
  #lingerTimer: unknown = null;

  constructor(
    request: SseMachineRequest,
    ctx: SseMachineContext,
    batcher: SseBatcher,
    lingerMs: number,
  ) {
    this.#ctx = ctx;
    this.#url = request.url;
    this.#batcher = batcher;
    this.#lingerMs = lingerMs;
    const diagnostics = this.#snapshot();
    this.diagnostics = signal(diagnostics);
    this.diagnostics$ = new BehaviorSubject(diagnostics);
    this.#machine = new SseReconnectMachine(request, ctx, this);
  }

  /** Subscribes to `type` (`null`: every name); returns the teardown. */
  subscribe(
    type: string | null,
    deserialize: SseDeserializer,
    subscriber: Observer<SseMessage<unknown>>,
    owner: Subject<SseError>,
    batchEnd?: () => void,
  ): () => void {
    const entry: SseEntry = { type, subscriber, owner, batchEnd };
    const key = type ?? ANY;
    const groups = this.#groups.get(key) ?? [];
    const at = groups.indexOf(deserialize);
    this.#groups.set(
      key,
      at < 0
        ? [...groups, deserialize, [entry]]
        : groups.map((g, i) => (i === at + 1 ? [...(g as SseEntry[]), entry] : g)),
    );
    this.#size++;
    if (!groups.length && type !== null && type[0] !== '\0') this.#machine.listen(type, true);
    this.#lingerTimer = this.#clearLinger();
    this.#machine.start([...this.#groups.keys()].filter((name) => name[0] !== '\0'));
    return () => {
      this.#remove(entry);
      this.#released(false);
    };
  }

  /** Completes `owner`'s subscribers. `now`: close at once (no linger) if none are left. */
  release(owner: Subject<SseError>, now: boolean): void {
    const taken = this.#entries().filter((entry) => entry.owner === owner);
    for (const entry of taken) this.#remove(entry);
    // Close before completing: a completed subscriber's teardown must not close it first, as
    // `unsubscribed`.
    this.#released(now);
    for (const entry of taken) entry.subscriber.complete();
  }

  /** A fresh attempt now, keeping the resume id. */
  reconnect(): void {
    this.#machine.reconnect();
  }

  /** Queues an event (or a pseudo event: a comment, a role) the machine received at `at`. */
  event(type: string, data: unknown, id: string, at: number): void {
    if (type[0] !== '\0') {
      this.#lastEventId = id;
      this.#lastEventAt = at;
      this.#eventsReceived++;
    } else if (type === ROLE) {
      this.#role = data as SseRole;
    }
    this.#dirty = true;
    this.#push(type, data, id, at);
  }

  /** Queues a transition, with the machine's reconnect count at that moment. */
  transition(state: SseState, at: number, reconnects: number): void {
    this.#nextState = state;
    this.#reconnects = reconnects;
    if (state.status === 'open') this.#connectedAt = at;
    const error = 'error' in state ? state.error : null;
    if (error) this.#lastError = error;
    this.#log.push({ at, state });
    const size = this.#ctx.config.logSize;
    if (this.#log.length > size) this.#log = this.#log.slice(-size);
    this.#dirty = true;
    this.#push(null, state, '', at);
    if (state.status === 'closed') this.#push(END, this.#entries(), '', error);
  }

  #push(type: string | null, data: unknown, id: string, at: unknown): void {
    if (this.#items.push(type, data, id, at) === 4 && !this.#flushing) this.#batcher.request(this);
  }

  /** Delivers what is queued: the counters first, then every item in order. */
  flush(): void {
    // Work queued by a subscriber while this runs joins the loop, keeping the order.
    this.#flushing = true;
    try {
      while (this.#items.length) {
        const items = this.#items;
        this.#items = [];
        this.#commit();
        for (let i = 0; i < items.length; i += 4) {
          const type = items[i] as string | null;
          if (type === null) {
            const { error } = items[i + 1] as { error?: SseError | null };
            if (error) this.failures.next(error);
          } else if (type === END) {
            const error = items[i + 3] as SseError | null;
            for (const entry of items[i + 1] as SseEntry[]) {
              this.#remove(entry);
              if (error) entry.subscriber.error(error);
              else entry.subscriber.complete();
            }
          } else if (type !== ROLE) {
            this.#deliver(
              type,
              items[i + 1] as string,
              items[i + 2] as string,
              items[i + 3] as number,
            );
          }
        }
        if (this.#touched.size) {
          const touched = [...this.#touched];
          this.#touched.clear();
          for (const entry of touched) entry.batchEnd!();
        }
        this.#commit();
      }
    } finally {
      this.#flushing = false;
    }
  }

  /** Delivers one event to the subscribers of its name, then to those of every name. */
  #deliver(type: string, data: string, lastEventId: string, receivedAt: number): void {
    const named = this.#groups.get(type);
    const any = type[0] === '\0' ? undefined : this.#groups.get(ANY);
    const done = this.#done;
    if (any) done.length = 0;
    if (named) {
      for (let g = 0; g < named.length; g += 2) {
        const deserialize = named[g] as SseDeserializer;
        const entries = named[g + 1] as SseEntry[];
        let message: SseMessage<unknown> | null = null;
        let error: SseError | null = null;
        try {
          message = { type, data: deserialize(data, type), lastEventId, receivedAt };
        } catch (cause) {
          error = this.#parseFailure(type, cause);
        }
        if (any) done.push(deserialize, message, error, entries);
        this.#fanOut(entries, message, error, null);
      }
    }
    if (!any) return;
    for (let g = 0; g < any.length; g += 2) {
      const deserialize = any[g] as SseDeserializer;
      const at = done.indexOf(deserialize);
      let message = done[at + 1] as SseMessage<unknown> | null;
      let error = done[at + 2] as SseError | null;
      if (at < 0) {
        try {
          message = { type, data: deserialize(data, type), lastEventId, receivedAt };
        } catch (cause) {
          error = this.#parseFailure(type, cause);
        }
      }
      // Owners of both a named and an every-name subscriber hear a parse error once.
      const told =
        error && at >= 0 ? new Set((done[at + 3] as SseEntry[]).map((e) => e.owner)) : null;
      this.#fanOut(any[g + 1] as SseEntry[], message, error, told);
    }
  }

  #fanOut(
    entries: SseEntry[],
    message: SseMessage<unknown> | null,
    error: SseError | null,
    told: Set<Subject<SseError>> | null,
  ): void {
    if (error) {
      // Each owner hears a parse error once, however many of its subscribers saw the event.
      told ??= new Set();
      for (const { owner } of entries) {
        if (told.has(owner)) continue;
        told.add(owner);
        owner.next(error);
      }
      return;
    }
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i];
      entry.subscriber.next(message!);
      if (entry.batchEnd) this.#touched.add(entry);
    }
  }

  #parseFailure(type: string, cause: unknown): SseError {
    const error = new SseError('parse', { url: this.#url, detail: `bad ${type} payload`, cause });
    this.#parseErrors++;
    this.#lastError = error;
    this.#dirty = true;
    return error;
  }

  /** Publishes what changed since the last commit: at most one write per value. */
  #commit(): void {
    if (!this.#dirty) return;
    this.#dirty = false;
    const diagnostics = this.#snapshot();
    this.diagnostics.set(diagnostics);
    this.diagnostics$.next(diagnostics);
    const next = this.#nextState;
    if (next) {
      this.#nextState = null;
      this.state.set(next);
      this.state$.next(next);
    }
  }

  #snapshot(): SseDiagnostics {
    return {
      lastEventId: this.#lastEventId,
      connectedAt: this.#connectedAt,
      lastEventAt: this.#lastEventAt,
      eventsReceived: this.#eventsReceived,
      reconnects: this.#reconnects,
      parseErrors: this.#parseErrors,
      lastError: this.#lastError,
      role: this.#role,
      log: this.#log.slice(),
    };
  }

  /** Every subscription, in no particular order. */
  #entries(): SseEntry[] {
    const all: SseEntry[] = [];
    for (const groups of this.#groups.values()) {
      for (let g = 1; g < groups.length; g += 2) all.push(...(groups[g] as SseEntry[]));
    }
    return all;
  }

  /** Takes a subscription off; stops listening for its name when it was the last one. */
  #remove(entry: SseEntry): void {
    const { type } = entry;
    const key = type ?? ANY;
    const groups = this.#groups.get(key);
    const at = groups?.findIndex((g, i) => i % 2 > 0 && (g as SseEntry[]).includes(entry)) ?? -1;
    if (at < 0) return;
    const left = (groups![at] as SseEntry[]).filter((e) => e !== entry);
    const next = left.length
      ? groups!.map((g, i) => (i === at ? left : g))
      : groups!.filter((_, i) => i !== at && i !== at - 1);
    this.#size--;
    if (next.length) {
      this.#groups.set(key, next);
      return;
    }
    this.#groups.delete(key);
    if (type !== null && type[0] !== '\0') this.#machine.listen(type, false);
  }

  #released(now: boolean): void {
    if (this.#size) return;
    if (now || !this.#lingerMs) {
      // Closing now also ends a linger already under way.
      this.#lingerTimer = this.#clearLinger();
      this.#machine.stop(now ? 'closed' : 'unsubscribed');
    } else if (this.#machine.running && this.#lingerTimer === null) {
      this.#lingerTimer = this.#ctx.scheduler.setTimeout(() => {
        this.#lingerTimer = null;
        this.#machine.stop('unsubscribed');
      }, this.#lingerMs);
    }
  }

  #clearLinger(): null {
    if (this.#lingerTimer !== null) this.#ctx.scheduler.clearTimeout(this.#lingerTimer);
    return null;
  }
}
