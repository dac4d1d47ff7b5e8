import {
  EnvironmentInjector,
  type EnvironmentProviders,
  type Provider,
  createEnvironmentInjector,
} from '@angular/core';
import { TestBed } from '@angular/core/testing';
import {
  SSE_CHANNEL_FACTORY,
  SSE_LOCK_MANAGER,
  SSE_PAGE_LIFECYCLE,
  SSE_SCHEDULER,
  SseClient,
  type SseChannel,
  type SseLockManager,
  type SseStreamOptions,
  provideSse,
  withCrossTabSharing,
  withFetchTransport,
} from 'ngx-sse';
import {
  FakeSseScheduler,
  SseTestingController,
  type TestConnection,
  provideSseTesting,
} from 'ngx-sse/testing';

interface Waiter {
  readonly tab: FakeTab;
  readonly grant: () => void;
}

/**
 * One browser profile for specs: a lock manager and `BroadcastChannel`s shared by several tabs,
 * delivering (as browsers do) in later tasks, in the order things were posted.
 */
export class FakeBrowser {
  readonly #holders = new Map<string, { tab: FakeTab; release: () => void }>();
  readonly #waiters = new Map<string, Waiter[]>();
  readonly #channels = new Set<{ name: string; tab: FakeTab; channel: SseChannel }>();
  #tasks = 0;
  /** Every channel name opened so far. */
  readonly names = new Set<string>();

  /** Runs `task` in a later task, as the browser would. */
  later(task: () => void): void {
    this.#tasks++;
    setTimeout(() => {
      this.#tasks--;
      task();
    });
  }

  /** Waits until every queued delivery and lock grant has run (and what they queued). */
  async settle(): Promise<void> {
    do await new Promise((resolve) => setTimeout(resolve));
    while (this.#tasks > 0);
  }

  locks(tab: FakeTab): SseLockManager {
    return {
      request: (name, options, callback) =>
        new Promise((resolve, reject) => {
          const grant = () => {
            if (tab.dead) return this.#free(name, tab);
            let release!: () => void;
            const killed = new Promise<void>((r) => (release = r));
            this.#holders.set(name, { tab, release });
            Promise.race([callback(), killed]).then(() => {
              this.#free(name, tab);
              resolve(undefined);
            }, reject);
          };
          if (options.signal?.aborted) return reject(options.signal.reason);
          options.signal?.addEventListener('abort', () => {
            const queue = this.#waiters.get(name) ?? [];
            const index = queue.findIndex((w) => w.grant === grant);
            if (index < 0) return;
            queue.splice(index, 1);
            reject(new DOMException('aborted', 'AbortError'));
          });
          const queue = this.#waiters.get(name) ?? [];
          this.#waiters.set(name, [...queue, { tab, grant }]);
          this.#next(name);
        }),
    };
  }

  channel(tab: FakeTab, name: string): SseChannel {
    this.names.add(name);
    const entry = { name, tab, channel: null! as SseChannel };
    entry.channel = {
      onmessage: null,
      postMessage: (data: unknown) => {
        if (!this.#channels.has(entry) || tab.dead) return;
        const copy = structuredClone(data);
        for (const other of this.#channels) {
          if (other === entry || other.name !== name) continue;
          this.later(
            () =>
              this.#channels.has(other) &&
              !other.tab.dead &&
              other.channel.onmessage?.(new MessageEvent('message', { data: copy })),
          );
        }
      },
      close: () => this.#channels.delete(entry),
    };
    this.#channels.add(entry);
    return entry.channel;
  }

  /** Whether `name` is held, and by which tab. */
  holder(name: string): FakeTab | undefined {
    return this.#holders.get(name)?.tab;
  }

  /** A crashed tab: its locks go to the next waiter, its channels stop, without goodbyes. */
  kill(tab: FakeTab): void {
    for (const holder of this.#holders.values()) if (holder.tab === tab) holder.release();
    for (const entry of this.#channels) if (entry.tab === tab) this.#channels.delete(entry);
    for (const queue of this.#waiters.values()) {
      queue.splice(0, queue.length, ...queue.filter((w) => w.tab !== tab));
    }
  }

  #free(name: string, tab: FakeTab): void {
    if (this.#holders.get(name)?.tab !== tab) return;
    this.#holders.delete(name);
    this.#next(name);
  }

  #next(name: string): void {
    if (this.#holders.has(name)) return;
    const waiter = this.#waiters.get(name)?.shift();
    if (!waiter) return;
    // Held from now on, granted (the callback runs) in a later task.
    this.#holders.set(name, { tab: waiter.tab, release: () => undefined });
    this.later(waiter.grant);
  }
}

/** One simulated tab: its own environment injector (its own `SseClient`) on the shared fakes. */
export class FakeTab {
  dead = false;
  readonly injector: EnvironmentInjector;
  readonly #lifecycle = new Set<(phase: 'hide' | 'show') => void>();

  constructor(
    readonly browser: FakeBrowser,
    providers: (Provider | EnvironmentProviders)[] = [],
  ) {
    this.injector = createEnvironmentInjector(
      [
        provideSse(withCrossTabSharing()),
        { provide: SSE_LOCK_MANAGER, useValue: browser.locks(this) },
        { provide: SSE_CHANNEL_FACTORY, useValue: (name: string) => browser.channel(this, name) },
        {
          provide: SSE_PAGE_LIFECYCLE,
          useValue: (listener: (phase: 'hide' | 'show') => void) => {
            this.#lifecycle.add(listener);
            return () => this.#lifecycle.delete(listener);
          },
        },
        ...providers,
      ],
      TestBed.inject(EnvironmentInjector),
    );
  }

  stream<M extends Record<string, unknown>>(url: string, options: SseStreamOptions = {}) {
    return this.injector.get(SseClient).stream<M>(url, { injector: this.injector, ...options });
  }

  /** `pagehide`/`freeze` (`'hide'`) or `pageshow` from the back-forward cache (`'show'`). */
  lifecycle(phase: 'hide' | 'show'): void {
    this.#lifecycle.forEach((listener) => listener(phase));
  }

  /** Closed or crashed: no goodbye, its locks are released by the browser. */
  kill(): void {
    this.dead = true;
    this.browser.kill(this);
  }

  close(): void {
    this.injector.destroy();
  }
}

/** The testing backend (one "server" for every tab), a manual clock and `count` tabs. */
export function setupTabs(count: number, providers: (Provider | EnvironmentProviders)[] = []) {
  const scheduler = new FakeSseScheduler();
  TestBed.configureTestingModule({
    providers: [
      provideSseTesting(),
      provideSse(withFetchTransport({ default: false })),
      { provide: SSE_SCHEDULER, useValue: scheduler },
    ],
  });
  const browser = new FakeBrowser();
  const tabs = Array.from({ length: count }, () => new FakeTab(browser, providers));
  const controller = TestBed.inject(SseTestingController);
  /** The attempts still live: what the server would count as its streams. */
  const made: TestConnection[] = [];
  const live = (url: string) => {
    made.push(...controller.match(() => true));
    return made.filter((c) => c.url === url && !c.cancelled);
  };
  return { browser, tabs, controller, scheduler, live };
}
