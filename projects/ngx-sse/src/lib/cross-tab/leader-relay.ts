import type { SseBackend, SseBackendConnection } from '../backend';
import type { SseFailure } from '../reason';
import type { SseScheduler } from '../scheduler';
import type { LocalCore } from './local-core';
import type { FollowerMessage } from './messages';
import type { TabMembership } from './tab-membership';
import { TabNames } from './tab-names';

/** Bare liveness (any bytes) is relayed at most this often; comments always are. */
const ALIVE_EVERY_MS = 1000;

/**
 * The leader's real connection: it listens to the names of every tab, feeds the local core and
 * posts each of its handler calls on the channel for the followers to mirror.
 *
 * @example
 * const relay = new LeaderRelay(inner, seat, core, scheduler);
 * relay.open(); // a real attempt from core.lastId, relayed
 * relay.close();
 */
export class LeaderRelay {
  readonly #names: TabNames;
  #real: SseBackendConnection | null = null;
  #attempt: object | null = null;
  #open = false;
  #aliveAt = 0;
  readonly #inner: SseBackend;
  readonly #seat: TabMembership;
  readonly #core: LocalCore;
  readonly #scheduler: SseScheduler;

  constructor(inner: SseBackend, seat: TabMembership, core: LocalCore, scheduler: SseScheduler) {
    this.#inner = inner;
    this.#seat = seat;
    this.#core = core;
    this.#scheduler = scheduler;
    this.#names = new TabNames(() => core.current?.types ?? []);
  }

  /** A real attempt for the core's attachment, from the last id this tab delivered. */
  open(): void {
    const core = this.#core;
    const local = core.current!;
    const attempt = (this.#attempt = {});
    const live = () => this.#attempt === attempt;
    this.#open = false;
    const seat = this.#seat;
    const fail = (failure: SseFailure) => {
      if (!live()) return;
      this.#open = false;
      seat.post({ k: 'error', failure });
      // The leader's core retries by itself, with its own backoff and countdown.
      core.fail(failure);
    };
    try {
      const real = this.#inner.connect(
        { ...local.request, lastEventId: core.lastId, types: [...this.#names.all()] },
        {
          open: () => {
            if (!live()) return;
            this.#open = true;
            seat.post({ k: 'open' });
            core.open();
          },
          event: (type, data, id) => {
            if (!live()) return;
            seat.post({ k: 'event', type, data, id });
            core.deliver(type, data, id);
          },
          retry: (ms) => {
            if (!live()) return;
            seat.post({ k: 'retry', ms });
            local.handlers.retry(ms);
          },
          alive: (comment) => {
            if (!live()) return;
            const now = this.#scheduler.now();
            if (comment !== undefined || now - this.#aliveAt >= ALIVE_EVERY_MS) {
              this.#aliveAt = now;
              seat.post({ k: 'alive', comment });
            }
            local.handlers.alive(comment);
          },
          error: fail,
          // A resume point without an event (a server's first-frame `id:`): every tab keeps it.
          resume: (id) => {
            if (!live()) return;
            seat.post({ k: 'resume', id });
            core.resume(id);
          },
        },
      );
      if (live()) this.#real = real;
      else real.close();
    } catch (cause) {
      fail({ reason: 'invalid-request', detail: String(cause) });
    }
  }

  close(): void {
    this.#attempt = null;
    this.#open = false;
    this.#real?.close();
    this.#real = null;
  }

  /** The local core listens to `type` (call before it does): so must the real connection. */
  listen(type: string): void {
    if (!this.#names.all().has(type)) this.#real?.listen(type);
  }

  /** The local core stopped listening to `type` (call after it did). */
  unlisten(type: string): void {
    if (!this.#names.all().has(type)) this.#real?.unlisten(type);
  }

  /** Answers a new follower, and keeps the real connection listening to every tab's names. */
  serve(message: FollowerMessage): void {
    const { added, removed } = this.#names.apply(message);
    added.forEach((type) => this.#real?.listen(type));
    removed.forEach((type) => this.#real?.unlisten(type));
    if (message.k === 'hello') {
      this.#seat.post({ k: 'status', to: message.from, open: this.#open });
    }
  }

  /** Forgets the followers' names: the next leader collects them again. */
  forget(): void {
    this.#names.clear();
  }
}
