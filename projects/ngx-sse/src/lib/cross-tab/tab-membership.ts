import type { SseScheduler } from '../scheduler';
import type { CrossTabMessage, UnsignedMessage } from './messages';
import type { SseChannel, SseChannelFactory, SseLockManager, SsePageLifecycle } from './platform';

let tabs = 0;

/** The browser pieces of one tab. */
export interface CrossTabPlatform {
  readonly locks: SseLockManager;
  readonly channel: SseChannelFactory;
  readonly lifecycle: SsePageLifecycle;
  readonly scheduler: SseScheduler;
}

/** What a membership tells the tab's backend. */
export interface TabMembershipEvents {
  /** A message another tab posted on the stream's channel. */
  message(message: CrossTabMessage): void;
  /** This tab took the lock: it leads until `part()`. */
  lead(): void;
  /** The page is leaving (`pagehide`, freeze) or came back (`pageshow` persisted, resume). */
  page(phase: 'hide' | 'show'): void;
}

/**
 * One tab's seat in a shared stream: its channel, its place in line for the stream's exclusive
 * lock (the holder leads), and the page lifecycle that makes it leave and come back. It knows
 * nothing of connections: its backend decides what leading and following mean.
 *
 * @example
 * const seat = new TabMembership('ngx-sse:1f3a', platform, { message, lead, page });
 * seat.join(); // open the channel, wait in line for the lock
 */
export class TabMembership {
  /** This tab's id: what the other tabs know it by. */
  readonly tab = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${++tabs}`;
  #channel: SseChannel | null = null;
  #offLifecycle: (() => void) | null = null;
  #pending: AbortController | null = null;
  // Set while this tab leads: calling it releases the lock.
  #release: (() => void) | null = null;
  /** Left for the back-forward cache or a freeze: `join()` waits for the page to come back. */
  suspended = false;
  readonly #name: string;
  readonly #platform: CrossTabPlatform;
  readonly #events: TabMembershipEvents;

  constructor(name: string, platform: CrossTabPlatform, events: TabMembershipEvents) {
    this.#name = name;
    this.#platform = platform;
    this.#events = events;
  }

  /** True while this tab holds the lock. */
  get leading(): boolean {
    return !!this.#release;
  }

  /** True while this tab is on the channel (leading or in line). */
  get joined(): boolean {
    return !!this.#channel;
  }

  /** Follows the page lifecycle; unless suspended, opens the channel and waits for the lock. */
  join(): void {
    this.#offLifecycle ??= this.#platform.lifecycle((phase) => this.#events.page(phase));
    if (this.#channel || this.suspended) return;
    this.#channel = this.#platform.channel(this.#name);
    this.#channel.onmessage = (event) => this.#events.message(event.data as CrossTabMessage);
    const pending = (this.#pending = new AbortController());
    this.#platform.locks
      .request(this.#name, { mode: 'exclusive', signal: pending.signal }, () =>
        pending.signal.aborted
          ? Promise.resolve()
          : new Promise<void>((resolve) => {
              this.#pending = null;
              this.#release = resolve;
              this.#events.lead();
            }),
      )
      .catch(() => undefined);
  }

  /** Posts `message` to the other tabs, signed with this tab's id. */
  post(message: UnsignedMessage): void {
    this.#channel?.postMessage({ ...message, from: this.tab });
  }

  /**
   * Releases the lock (the next tab in line leads) or leaves the line, says goodbye (`bye`: the
   * leader forgets this tab's names) and closes the channel.
   */
  part(): void {
    if (this.#release) {
      this.#release();
      this.#release = null;
    } else {
      this.#pending?.abort();
    }
    this.#pending = null;
    this.post({ k: 'bye' });
    this.#channel?.close();
    this.#channel = null;
  }

  /** Parts and stops following the page lifecycle. */
  leave(): void {
    this.part();
    this.suspended = false;
    this.#offLifecycle?.();
    this.#offLifecycle = null;
  }
}
