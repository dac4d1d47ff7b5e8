import {
  SseBackend,
  type SseBackendConnection,
  type SseBackendHandlers,
  type SseRequest,
} from '../backend';
import type { SseFailure } from '../reason';
import { clearTimer } from '../scheduler';
import type { CrossTabMessage, FollowerMessage, LeaderMessage } from './messages';
import { ReplayFilter } from './replay-filter';
import { TabNames } from './tab-names';
import { type CrossTabPlatform, TabMembership } from './tab-membership';

/** The local core's side of one attempt. */
interface Attachment {
  readonly request: SseRequest;
  readonly handlers: SseBackendHandlers;
  readonly types: Set<string>;
  opened: boolean;
}

/** Slack over the core's retry delay before a leader whose core did not come back leaves. */
const HOLD_MARGIN_MS = 1000;
/** Bare liveness (any bytes) is relayed at most this often; comments always are. */
const ALIVE_EVERY_MS = 1000;

const FOLLOWER_KINDS: readonly string[] = ['hello', 'listen', 'unlisten', 'bye'];

let tabs = 0;
const tabId = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${++tabs}`;

/**
 * One tab's side of a connection shared across tabs. While this tab holds the connection's lock
 * it is the leader: its attempts are real ones, and every handler call is relayed on the
 * channel. Otherwise its attempts attach to the leader's relay, so its core mirrors the leader.
 */
export class CrossTabBackend extends SseBackend {
  readonly #tab = tabId();
  readonly #filter = new ReplayFilter();
  readonly #names = new TabNames(() => this.#local?.types ?? []);
  #local: Attachment | null = null;
  #lastId = '';
  readonly #seat: TabMembership;
  #leader = '';
  #real: SseBackendConnection | null = null;
  #attempt: object | null = null;
  #realOpen = false;
  #hold: unknown = null;
  #aliveAt = 0;

  constructor(
    private readonly inner: SseBackend,
    name: string,
    private readonly platform: CrossTabPlatform,
  ) {
    super();
    this.#seat = new TabMembership(name, platform, {
      message: (message) => this.#receive(message),
      lead: () => this.#lead(),
      page: (phase) => (phase === 'hide' ? this.#suspend() : this.#resume()),
    });
  }

  connect(request: SseRequest, handlers: SseBackendHandlers): SseBackendConnection {
    const local: Attachment = { request, handlers, types: new Set(request.types), opened: false };
    this.#local = local;
    this.#lastId = request.lastEventId;
    this.#hold = clearTimer(this.platform.scheduler, this.#hold);
    this.#seat.join();
    if (this.#seat.leading) {
      handlers.role?.('leader');
      this.#openReal(local);
    } else {
      if (this.#leader) handlers.role?.('follower');
      this.#hello();
    }
    const mine = () => this.#local === local;
    return {
      listen: (type) => {
        if (!mine()) return;
        if (this.#seat.leading && !this.#names.all().has(type)) this.#real?.listen(type);
        local.types.add(type);
        if (!this.#seat.leading) this.#post({ k: 'listen', from: this.#tab, type });
      },
      unlisten: (type) => {
        if (!mine()) return;
        local.types.delete(type);
        if (this.#seat.leading && !this.#names.all().has(type)) this.#real?.unlisten(type);
        if (!this.#seat.leading) this.#post({ k: 'unlisten', from: this.#tab, type });
      },
      close: (retryInMs) => mine() && this.#detach(retryInMs),
    };
  }

  /** The core closed its attempt; `retryInMs` when it attempts again after that delay. */
  #detach(retryInMs: number | undefined): void {
    this.#local = null;
    const leading = this.#seat.leading;
    this.#closeReal();
    if (leading && retryInMs !== undefined) {
      // The core retries after its backoff: keep leading until then, so tabs never take turns
      // reconnecting without backoff. Not back by then (with slack): it stopped.
      this.#hold = this.platform.scheduler.setTimeout(
        () => this.#local || this.#leave(),
        retryInMs + HOLD_MARGIN_MS,
      );
    } else {
      // `reconnect()` attaches again at once; anything else leaves (and hands over).
      queueMicrotask(() => this.#local || this.#leave());
    }
  }

  /** This tab took the lock: its attempts become real ones, relayed to the others. */
  #lead(): void {
    this.#leader = this.#tab;
    this.#filter.handover();
    this.#post({ k: 'leader', from: this.#tab });
    const local = this.#local;
    if (!local) return this.#leave();
    local.handlers.role?.('leader');
    this.#openReal(local);
  }

  /** A real attempt, from the last id this tab delivered; every call is relayed. */
  #openReal(local: Attachment): void {
    const attempt = (this.#attempt = {});
    const live = () => this.#attempt === attempt;
    this.#realOpen = false;
    const from = this.#tab;
    const fail = (failure: SseFailure) => {
      if (!live()) return;
      this.#realOpen = false;
      this.#post({ k: 'error', from, failure });
      // The leader's core retries by itself, with its own backoff and countdown.
      local.opened = false;
      local.handlers.error(failure);
    };
    try {
      const real = this.inner.connect(
        { ...local.request, lastEventId: this.#lastId, types: [...this.#names.all()] },
        {
          open: () => {
            if (!live()) return;
            this.#realOpen = true;
            this.#post({ k: 'open', from });
            this.#open(local);
          },
          event: (type, data, id) => {
            if (!live()) return;
            this.#post({ k: 'event', from, type, data, id });
            this.#deliver(type, data, id);
          },
          retry: (ms) => {
            if (!live()) return;
            this.#post({ k: 'retry', from, ms });
            local.handlers.retry(ms);
          },
          alive: (comment) => {
            if (!live()) return;
            const now = this.platform.scheduler.now();
            if (comment !== undefined || now - this.#aliveAt >= ALIVE_EVERY_MS) {
              this.#aliveAt = now;
              this.#post({ k: 'alive', from, comment });
            }
            local.handlers.alive(comment);
          },
          error: fail,
          // A resume point without an event (a server's first-frame `id:`): every tab keeps it.
          resume: (id) => {
            if (!live()) return;
            this.#lastId = id;
            this.#post({ k: 'resume', from, id });
            local.handlers.resume?.(id);
          },
        },
      );
      if (live()) this.#real = real;
      else real.close();
    } catch (cause) {
      fail({ reason: 'invalid-request', detail: String(cause) });
    }
  }

  #closeReal(): void {
    this.#attempt = null;
    this.#realOpen = false;
    this.#real?.close();
    this.#real = null;
  }

  #receive(message: CrossTabMessage): void {
    if (this.#seat.leading) this.#serve(message);
    else if (!FOLLOWER_KINDS.includes(message.k)) this.#follow(message as LeaderMessage);
  }

  /** As leader: answer a new follower, and keep the real connection listening to every name. */
  #serve(message: CrossTabMessage): void {
    if (!FOLLOWER_KINDS.includes(message.k)) return;
    const { added, removed } = this.#names.apply(message as FollowerMessage);
    added.forEach((type) => this.#real?.listen(type));
    removed.forEach((type) => this.#real?.unlisten(type));
    if (message.k === 'hello') {
      this.#post({ k: 'status', from: this.#tab, to: message.from, open: this.#realOpen });
    }
  }

  /** As follower: replay the leader's calls into the local core. */
  #follow(message: LeaderMessage): void {
    const local = this.#local;
    if (!local || (message.k === 'status' && message.to !== this.#tab)) return;
    const { from } = message;
    if (!this.#leader || message.k === 'leader' || message.k === 'status') {
      if (this.#leader !== from) {
        // A new leader replays from its own last id, which may be behind this tab's.
        if (this.#leader) this.#filter.handover();
        this.#leader = from;
        local.handlers.role?.('follower');
      }
    } else if (this.#leader !== from) {
      // A late relay of the previous leader: its events may be ones the new leader skips.
      if (message.k === 'event') this.#deliver(message.type, message.data, message.id, true);
      return;
    }
    switch (message.k) {
      case 'leader':
        return this.#hello();
      case 'status':
        return message.open ? this.#open(local) : undefined;
      case 'open':
        return this.#open(local);
      case 'event':
        // Events prove the leader open, even when its `open` went by before this tab joined.
        this.#open(local);
        return this.#deliver(message.type, message.data, message.id);
      case 'retry':
        return local.handlers.retry(message.ms);
      case 'alive':
        return local.handlers.alive(message.comment);
      case 'resume':
        this.#lastId = message.id;
        return local.handlers.resume?.(message.id);
      case 'error':
        return this.#fail(local, message.failure);
    }
  }

  #open(local: Attachment): void {
    if (local.opened) return;
    local.opened = true;
    local.handlers.open();
  }

  /**
   * A relayed failure reaches a follower's core as one its transport already retries: the core
   * shows `reconnecting` and stays attached for the leader's next open (it never shows `closed`
   * while the leader retries); its policy still stops on a fatal failure, with the leader's
   * reason.
   */
  #fail(local: Attachment, failure: SseFailure): void {
    local.opened = false;
    local.handlers.error({ ...failure, browserRetrying: true });
  }

  /** Delivers an event the filter lets through; `late`: a relay of a previous leader. */
  #deliver(type: string, data: string, id: string, late = false): void {
    const local = this.#local;
    if (!local || !this.#filter.accept(id, late)) return;
    this.#lastId = id;
    local.handlers.event(type, data, id);
  }

  #hello(): void {
    const types = [...(this.#local?.types ?? [])];
    this.#post({ k: 'hello', from: this.#tab, types });
  }

  /** Leaving the page (bfcache, freeze): hand over, and come back on `show`. */
  #suspend(): void {
    if (!this.#seat.joined) return;
    this.#part(false);
    this.#seat.suspended = true;
  }

  #resume(): void {
    if (!this.#seat.suspended) return;
    this.#seat.suspended = false;
    if (!this.#local) return this.#leave();
    this.#seat.join();
    this.#hello();
  }

  #leave(): void {
    this.#part(true);
  }

  /**
   * Closes the real connection if this tab leads, hands the lock on (or leaves the line) and says
   * goodbye; `leave`: for good, no longer following the page lifecycle either.
   */
  #part(leave: boolean): void {
    this.#hold = clearTimer(this.platform.scheduler, this.#hold);
    if (this.#seat.leading) this.#closeReal();
    const bye: CrossTabMessage = { k: 'bye', from: this.#tab };
    if (leave) this.#seat.leave(bye);
    else this.#seat.part(bye);
    this.#names.clear();
    this.#leader = '';
  }

  #post(message: CrossTabMessage): void {
    this.#seat.post(message);
  }
}
