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
import { clearTimer } from './scheduler';
import { SseError } from './sse-error';
import type { SseDeserializer, SseDiagnostics, SseMessage, SseState, SseTransition } from './types';

/** One subscription: an RxJS subscriber and the parse-error channel of the handle it came through. */
export interface SseEntry {
  /** The event name; `null` for every name. */
  readonly type: string | null;
  readonly deserialize: SseDeserializer;
  readonly subscriber: Observer<SseMessage<unknown>>;
  /** The handle's own parse errors; it also identifies the handle on `release()`. */
  readonly owner: Subject<SseError>;
  /** Called once after a batch that delivered to this entry (one signal write per batch). */
  readonly batchEnd?: () => void;
}

// Pseudo event names start with `\0` (see COMMENTS), which no real name does.
// The subscribers a close ends, once the events before it are out (`data`: the entries, `at`: the error).
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

  // The subscribers per name. The lists are replaced, never mutated: a delivery in progress
  // keeps iterating the list it started with.
  readonly #lists = new Map<string, readonly SseEntry[]>();
  // The every-name list, kept out of the map lookup each event would otherwise pay.
  #any: readonly SseEntry[] | undefined;
  readonly #touched = new Set<SseEntry>();
  // Deserializer, message and error per deserializer of the event being delivered (reused, so an
  // event is deserialized once per deserializer without allocating), and who heard its error.
  readonly #done: unknown[] = [];
  #doneLength = 0;
  #told: Set<Subject<SseError>> | null = null;
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
    this.#url = request.attempt.url;
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
    const entry: SseEntry = { type, deserialize, subscriber, owner, batchEnd };
    const key = type ?? ANY;
    const list = this.#lists.get(key);
    this.#lists.set(key, list ? [...list, entry] : [entry]);
    this.#any = this.#lists.get(ANY);
    this.#size++;
    if (!list && type !== null && type[0] !== '\0') this.#machine.listen(type, true);
    this.#lingerTimer = clearTimer(this.#ctx.scheduler, this.#lingerTimer);
    if (this.#machine.retired) this.#forget();
    this.#machine.start();
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
    this.#reconnects = reconnects;
    if (state.status === 'open') this.#connectedAt = at;
    // Only `reconnecting` and `closed` carry an error (or `null`); the others read `undefined`.
    const error = (state as { error?: SseError | null }).error;
    if (error) this.#lastError = error;
    this.#log.push({ at, state });
    const size = this.#ctx.config.logSize;
    // `slice(-0)` would keep everything: a size of 0 keeps nothing.
    if (this.#log.length > size) this.#log = size ? this.#log.slice(-size) : [];
    this.#dirty = true;
    this.#push(null, state, '', at);
    if (state.status === 'closed') this.#push(END, this.#entries(), '', error);
  }

  #push(type: string | null, data: unknown, id: string, at: unknown): void {
    if (this.#items.push(type, data, id, at) === 4 && !this.#flushing) this.#batcher.request(this);
  }

  /** A connection its subscribers closed starts over: no counters or log from before. */
  #forget(): void {
    this.#lastEventId = '';
    this.#connectedAt = null;
    this.#lastEventAt = null;
    this.#eventsReceived = 0;
    this.#reconnects = 0;
    this.#parseErrors = 0;
    this.#lastError = null;
    this.#log = [];
    this.#role = 'solo';
    this.#dirty = true;
  }

  /** The event names with subscribers: what a new attempt listens to. */
  names(): string[] {
    return [...this.#lists.keys()].filter((name) => name[0] !== '\0');
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
            // Each state is published at its place among the events: a subscriber sees the
            // events before a close before it sees `closed`.
            const state = items[i + 1] as SseState;
            this.state.set(state);
            this.state$.next(state);
            const error = (state as { error?: SseError | null }).error;
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
    this.#doneLength = 0;
    this.#told = null;
    const named = this.#lists.get(type);
    if (named) this.#fanOut(named, type, data, lastEventId, receivedAt);
    const any = this.#any;
    if (any && type[0] !== '\0') this.#fanOut(any, type, data, lastEventId, receivedAt);
  }

  #fanOut(
    entries: readonly SseEntry[],
    type: string,
    data: string,
    lastEventId: string,
    receivedAt: number,
  ): void {
    const done = this.#done;
    for (const entry of entries) {
      const { deserialize } = entry;
      let at = 0;
      while (at < this.#doneLength && done[at] !== deserialize) at += 3;
      if (at === this.#doneLength) {
        this.#doneLength += 3;
        done[at] = deserialize;
        try {
          done[at + 1] = { type, data: deserialize(data, type), lastEventId, receivedAt };
          done[at + 2] = null;
        } catch (cause) {
          done[at + 1] = null;
          done[at + 2] = this.#parseFailure(type, cause);
        }
      }
      const error = done[at + 2] as SseError | null;
      if (!error) {
        entry.subscriber.next(done[at + 1] as SseMessage<unknown>);
        if (entry.batchEnd) this.#touched.add(entry);
        continue;
      }
      // Each owner hears a parse error once, however many of its subscribers saw the event.
      const told = (this.#told ??= new Set());
      if (told.has(entry.owner)) continue;
      told.add(entry.owner);
      entry.owner.next(error);
    }
  }

  #parseFailure(type: string, cause: unknown): SseError {
    const error = new SseError('parse', { url: this.#url, detail: `bad ${type} payload`, cause });
    this.#parseErrors++;
    this.#lastError = error;
    this.#dirty = true;
    return error;
  }

  /** Publishes the diagnostics changed since the last commit: one write per batch. */
  #commit(): void {
    if (!this.#dirty) return;
    this.#dirty = false;
    const diagnostics = this.#snapshot();
    this.diagnostics.set(diagnostics);
    this.diagnostics$.next(diagnostics);
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
    return [...this.#lists.values()].flat();
  }

  /** Takes a subscription off; stops listening for its name when it was the last one. */
  #remove(entry: SseEntry): void {
    const { type } = entry;
    const key = type ?? ANY;
    const list = this.#lists.get(key);
    if (!list?.includes(entry)) return;
    const left = list.filter((e) => e !== entry);
    this.#size--;
    if (left.length) this.#lists.set(key, left);
    else this.#lists.delete(key);
    this.#any = this.#lists.get(ANY);
    if (!left.length && type !== null && type[0] !== '\0') this.#machine.listen(type, false);
  }

  #released(now: boolean): void {
    if (this.#size) return;
    if (now || !this.#lingerMs) {
      // Closing now also ends a linger already under way.
      this.#lingerTimer = clearTimer(this.#ctx.scheduler, this.#lingerTimer);
      this.#machine.stop(now ? 'closed' : 'unsubscribed');
    } else if (this.#machine.running && this.#lingerTimer === null) {
      this.#lingerTimer = this.#ctx.scheduler.setTimeout(() => {
        this.#lingerTimer = null;
        this.#machine.stop('unsubscribed');
      }, this.#lingerMs);
    }
  }
}
