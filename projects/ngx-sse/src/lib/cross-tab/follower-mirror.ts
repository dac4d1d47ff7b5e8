import type { LocalCore } from './local-core';
import type { LeaderMessage } from './messages';
import type { TabMembership } from './tab-membership';

/**
 * A follower's view of the leader: which tab leads, and its relayed calls replayed into the
 * local core, so the core shows what the leader's core shows.
 *
 * @example
 * const mirror = new FollowerMirror(seat, core);
 * mirror.join(); // asks the leader for its status
 * mirror.follow({ k: 'open', from: 'tab-1' }); // core.open()
 */
export class FollowerMirror {
  #leader = '';
  readonly #seat: TabMembership;
  readonly #core: LocalCore;

  constructor(seat: TabMembership, core: LocalCore) {
    this.#seat = seat;
    this.#core = core;
  }

  /** The core attached as a follower: its role, if a leader is known, and a `hello` to it. */
  join(): void {
    if (this.#leader) this.#core.current?.handlers.role?.('follower');
    this.hello();
  }

  /** Tells the leader this tab's names; the leader answers with its status. */
  hello(): void {
    const types = [...(this.#core.current?.types ?? [])];
    this.#seat.post({ k: 'hello', types });
  }

  /** Replays one of the leader's calls into the local core. */
  follow(message: LeaderMessage): void {
    const core = this.#core;
    const local = core.current;
    if (!local || (message.k === 'status' && message.to !== this.#seat.tab)) return;
    const { from } = message;
    if (!this.#leader || message.k === 'leader' || message.k === 'status') {
      if (this.#leader !== from) {
        // A new leader replays from its own last id, which may be behind this tab's.
        if (this.#leader) core.handover();
        this.#leader = from;
        local.handlers.role?.('follower');
      }
    } else if (this.#leader !== from) {
      // A late relay of the previous leader: its events may be ones the new leader skips.
      if (message.k === 'event') core.deliver(message.type, message.data, message.id, true);
      return;
    }
    switch (message.k) {
      case 'leader':
        return this.hello();
      case 'status':
        return message.open ? core.open() : undefined;
      case 'open':
        return core.open();
      case 'event':
        // Events prove the leader open, even when its `open` went by before this tab joined.
        core.open();
        return core.deliver(message.type, message.data, message.id);
      case 'retry':
        return local.handlers.retry(message.ms);
      case 'alive':
        return local.handlers.alive(message.comment);
      case 'resume':
        return core.resume(message.id);
      case 'error':
        // The core shows `reconnecting` as for a transport that retries by itself, and stays
        // attached for the leader's next open (never `closed` while the leader retries); its
        // policy still stops on a fatal failure, with the leader's reason.
        return core.fail({ ...message.failure, browserRetrying: true });
    }
  }

  /** This tab left the channel: the next leader it hears of is a new one. */
  reset(): void {
    this.#leader = '';
  }
}
