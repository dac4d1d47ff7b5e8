import { type WritableSignal, signal } from '@angular/core';
import { BehaviorSubject, type Observer, Subject } from 'rxjs';

import type { SseRole } from './backend';
import type { SseBatcher } from './batcher';
import { SseDiagnosticsTally } from './diagnostics-tally';
import { SseFanOut } from './fan-out';
import {
  COMMENTS,
  RESUME,
  ROLE,
  type SseItemName,
  type SseMachineContext,
  type SseMachineRequest,
  type SseMachineSink,
} from './machine-types';
import { SseReconnectMachine } from './reconnect-machine';
import { clearTimer } from './scheduler';
import type { SseError } from './sse-error';
import { type SseEntry, SseSubscribers, isServerName } from './subscribers';
import type { SseDeserializer, SseDiagnostics, SseMessage, SseState } from './types';

// The subscribers a close ends, once the events before it are out (data: the entries, at: the error).
const END = Symbol('end');

/**
 * One shared connection: it opens on the first subscriber and closes after the last one leaves
 * (after the linger, if any); its reconnect machine owns the attempts. It publishes the state
 * and diagnostics and hands events to the fan-out.
 *
 * What the machine reports is queued flat (four slots per item: name or `null` for a transition,
 * data, id, time; no object per event) and flushed per batch: the tally counts items as they
 * arrive and is published once, before the batch is delivered.
 */
export class SseConnection implements SseMachineSink {
  readonly state = signal<SseState>({ status: 'idle' });
  readonly state$ = new BehaviorSubject<SseState>({ status: 'idle' });
  readonly diagnostics: WritableSignal<SseDiagnostics>;
  readonly diagnostics$: BehaviorSubject<SseDiagnostics>;
  /** Connection failures (not parse errors, which go to the handle that saw them). */
  readonly failures = new Subject<SseError>();

  readonly #subscribers = new SseSubscribers();
  readonly #tally: SseDiagnosticsTally;
  readonly #fanOut: SseFanOut;
  #items: unknown[] = [];
  #flushing = false;
  // Set by a restart during a flush: the rest of the batch being delivered was the old run's.
  #stale = false;
  readonly #machine: SseReconnectMachine;
  readonly #ctx: SseMachineContext;
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
    this.#batcher = batcher;
    this.#lingerMs = lingerMs;
    this.#tally = new SseDiagnosticsTally(ctx.config.logSize, request.initialLastEventId);
    this.#fanOut = new SseFanOut(request.attempt.url, this.#tally);
    const diagnostics = this.#tally.snapshot();
    this.diagnostics = signal(diagnostics);
    this.diagnostics$ = new BehaviorSubject(diagnostics);
    this.#machine = new SseReconnectMachine(request, ctx, this);
  }

  /** Subscribes to `type` (`null`: every name); returns the teardown. */
  subscribe(
    type: string | typeof COMMENTS | null,
    deserialize: SseDeserializer,
    subscriber: Observer<SseMessage<unknown>>,
    owner: Subject<SseError>,
    batchEnd?: () => void,
  ): () => void {
    const entry: SseEntry = { type, deserialize, subscriber, owner, batchEnd };
    if (this.#subscribers.add(entry)) this.#machine.listen(type as string, true);
    this.#lingerTimer = clearTimer(this.#ctx.scheduler, this.#lingerTimer);
    if (this.#machine.retired) this.#restart();
    this.#machine.start();
    return () => {
      this.#remove(entry);
      this.#released(false);
    };
  }

  /** Completes `owner`'s subscribers. `now`: close at once (no linger) if none are left. */
  release(owner: Subject<SseError>, now: boolean): void {
    const taken = this.#subscribers.entries().filter((entry) => entry.owner === owner);
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

  /** Queues an event (or a comment, a role, a resume id) the machine received at `at`. */
  event(type: SseItemName, data: unknown, id: string, at: number): void {
    if (isServerName(type)) this.#tally.event(id, at);
    else if (type === ROLE) this.#tally.role(data as SseRole);
    else if (type === RESUME) this.#tally.resume(id);
    this.#push(type, data, id, at);
  }

  /** Queues a transition, with the machine's reconnect count at that moment. */
  transition(state: SseState, at: number, reconnects: number): void {
    const error = this.#tally.transition(state, at, reconnects);
    this.#push(null, state, '', at);
    if (state.status === 'closed') this.#push(END, this.#subscribers.entries(), '', error);
  }

  /** The event names with subscribers: what a new attempt listens to. */
  names(): string[] {
    return this.#subscribers.names();
  }

  /** Delivers what is queued: the diagnostics first, then every item in order. */
  flush(): void {
    // Work queued by a subscriber while this runs joins the loop, keeping the order.
    this.#flushing = true;
    try {
      while (this.#items.length) {
        const items = this.#items;
        this.#items = [];
        this.#stale = false;
        this.#commit();
        for (let i = 0; i < items.length; i += 4) {
          const type = items[i];
          if (this.#stale && type !== null && type !== END) continue;
          this.#apply(items, i);
        }
        this.#fanOut.endBatch();
        this.#commit();
      }
    } finally {
      this.#flushing = false;
    }
  }

  /**
   * A connection its subscribers closed starts over: no counters or log from before, and none
   * of its queued events, which were for the subscribers that left (its transitions still go out).
   */
  #restart(): void {
    this.#tally.reset();
    this.#stale = this.#flushing;
    const items = this.#items;
    this.#items = [];
    for (let i = 0; i < items.length; i += 4) {
      const type = items[i];
      if (type === null || type === END)
        this.#items.push(type, items[i + 1], items[i + 2], items[i + 3]);
    }
  }

  #push(type: SseItemName | typeof END | null, data: unknown, id: string, at: unknown): void {
    if (this.#items.push(type, data, id, at) === 4 && !this.#flushing) this.#batcher.request(this);
  }

  /** Carries out the queued item at `i`. */
  #apply(items: unknown[], i: number): void {
    const type = items[i] as SseItemName | typeof END | null;
    if (type === null) {
      // Each state is published at its place among the events: a subscriber sees the events
      // before a close before it sees `closed`.
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
    } else if (isServerName(type) || type === COMMENTS) {
      this.#deliver(type, items[i + 1] as string, items[i + 2] as string, items[i + 3] as number);
    }
  }

  /** Delivers one event to the subscribers of its name, then to those of every name. */
  #deliver(
    type: string | typeof COMMENTS,
    data: string,
    lastEventId: string,
    receivedAt: number,
  ): void {
    const fanOut = this.#fanOut;
    fanOut.start();
    const named = this.#subscribers.named(type);
    if (named) fanOut.deliver(named, type, data, lastEventId, receivedAt);
    const any = this.#subscribers.any;
    if (any && isServerName(type)) fanOut.deliver(any, type, data, lastEventId, receivedAt);
  }

  /** Publishes the diagnostics changed since the last commit: one write per batch. */
  #commit(): void {
    const diagnostics = this.#tally.take();
    if (!diagnostics) return;
    this.diagnostics.set(diagnostics);
    this.diagnostics$.next(diagnostics);
  }

  /** Takes a subscription off; stops listening for its name when it was the last one. */
  #remove(entry: SseEntry): void {
    if (this.#subscribers.remove(entry)) this.#machine.listen(entry.type as string, false);
  }

  #released(now: boolean): void {
    if (this.#subscribers.size) return;
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
