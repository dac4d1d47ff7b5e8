import {
  SseBackend,
  type SseBackendConnection,
  type SseBackendHandlers,
  type SseRequest,
} from '../backend';
import { type SseScheduler, clearTimer } from '../scheduler';
import { FollowerMirror } from './follower-mirror';
import { LeaderRelay } from './leader-relay';
import { LocalCore } from './local-core';
import { type CrossTabMessage, isFollowerMessage } from './messages';
import { type CrossTabPlatform, TabMembership } from './tab-membership';

/** Slack over the core's retry delay before a leader whose core did not come back leaves. */
const HOLD_MARGIN_MS = 1000;

/**
 * One tab's side of a connection shared across tabs. While this tab holds the connection's lock
 * it is the leader: its attempts are real ones, and every handler call is relayed on the
 * channel (`LeaderRelay`). Otherwise its attempts attach to the leader's relay, so its core
 * mirrors the leader (`FollowerMirror`). This class decides which, and when the tab leaves.
 *
 * @example
 * new CrossTabBackend(backend, channelName(key), platform).connect(request, handlers);
 */
export class CrossTabBackend extends SseBackend {
  readonly #core = new LocalCore();
  readonly #seat: TabMembership;
  readonly #relay: LeaderRelay;
  readonly #mirror: FollowerMirror;
  readonly #scheduler: SseScheduler;
  #hold: unknown = null;

  constructor(inner: SseBackend, name: string, platform: CrossTabPlatform) {
    super();
    this.#scheduler = platform.scheduler;
    this.#seat = new TabMembership(name, platform, {
      message: (message) => this.#receive(message),
      lead: () => this.#lead(),
      page: (phase) => (phase === 'hide' ? this.#suspend() : this.#resume()),
    });
    this.#relay = new LeaderRelay(inner, this.#seat, this.#core, platform.scheduler);
    this.#mirror = new FollowerMirror(this.#seat, this.#core);
  }

  connect(request: SseRequest, handlers: SseBackendHandlers): SseBackendConnection {
    const local = this.#core.attach(request, handlers);
    this.#hold = clearTimer(this.#scheduler, this.#hold);
    this.#seat.join();
    if (this.#seat.leading) {
      handlers.role?.('leader');
      this.#relay.open();
    } else {
      this.#mirror.join();
    }
    const mine = () => this.#core.current === local;
    const announce = (k: 'listen' | 'unlisten', type: string) => this.#seat.post({ k, type });
    return {
      listen: (type) => {
        if (!mine()) return;
        // The relay checks the names before the core's own join them.
        if (this.#seat.leading) this.#relay.listen(type);
        else announce('listen', type);
        local.types.add(type);
      },
      unlisten: (type) => {
        if (!mine()) return;
        local.types.delete(type);
        if (this.#seat.leading) this.#relay.unlisten(type);
        else announce('unlisten', type);
      },
      close: (retryInMs) => mine() && this.#detach(retryInMs),
    };
  }

  /** The core closed its attempt; `retryInMs` when it attempts again after that delay. */
  #detach(retryInMs: number | undefined): void {
    this.#core.current = null;
    const leading = this.#seat.leading;
    this.#relay.close();
    if (leading && retryInMs !== undefined) {
      // The core retries after its backoff: keep leading until then, so tabs never take turns
      // reconnecting without backoff. Not back by then (with slack): it stopped.
      this.#hold = this.#scheduler.setTimeout(
        () => this.#core.current || this.#leave(),
        retryInMs + HOLD_MARGIN_MS,
      );
    } else {
      // `reconnect()` attaches again at once; anything else leaves (and hands over).
      queueMicrotask(() => this.#core.current || this.#leave());
    }
  }

  /** This tab took the lock: its attempts become real ones, relayed to the others. */
  #lead(): void {
    this.#core.handover();
    this.#seat.post({ k: 'leader' });
    const local = this.#core.current;
    if (!local) return this.#leave();
    local.handlers.role?.('leader');
    this.#relay.open();
  }

  #receive(message: CrossTabMessage): void {
    const fromFollower = isFollowerMessage(message);
    if (this.#seat.leading) {
      if (fromFollower) this.#relay.serve(message);
    } else if (!fromFollower) {
      this.#mirror.follow(message);
    }
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
    if (!this.#core.current) return this.#leave();
    this.#seat.join();
    this.#mirror.hello();
  }

  #leave(): void {
    this.#part(true);
  }

  /**
   * Closes the real connection if this tab leads, hands the lock on (or leaves the line) and says
   * goodbye; `leave`: for good, no longer following the page lifecycle either.
   */
  #part(leave: boolean): void {
    this.#hold = clearTimer(this.#scheduler, this.#hold);
    if (this.#seat.leading) this.#relay.close();
    if (leave) this.#seat.leave();
    else this.#seat.part();
    this.#relay.forget();
    this.#mirror.reset();
  }
}
