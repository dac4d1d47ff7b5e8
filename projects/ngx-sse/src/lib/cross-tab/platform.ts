import { DOCUMENT, InjectionToken, PLATFORM_ID, inject } from '@angular/core';

/**
 * The part of the Web Locks API cross-tab sharing uses (`navigator.locks`): an exclusive lock
 * per stream, held by the leader tab for as long as the promise its callback returns is pending.
 *
 * @example
 * providers: [{ provide: SSE_LOCK_MANAGER, useValue: fakeLocks }]
 */
export interface SseLockManager {
  /** Runs `callback` while holding the exclusive lock `name`; waits in line for it until then. */
  request(
    name: string,
    options: { readonly mode: 'exclusive'; readonly signal?: AbortSignal },
    callback: () => Promise<void>,
  ): Promise<unknown>;
}

/**
 * The part of a `BroadcastChannel` cross-tab sharing uses.
 *
 * @example
 * const channel: SseChannel = new BroadcastChannel('ngx-sse:1f3a');
 */
export interface SseChannel {
  /** Sends `message` to every other tab's channel of the same name. */
  postMessage(message: unknown): void;
  /** Receives what other tabs post. */
  onmessage: ((event: MessageEvent) => void) | null;
  /** Leaves the channel. */
  close(): void;
}

/** Opens the channel of one name, as `new BroadcastChannel(name)` does. */
export type SseChannelFactory = (name: string) => SseChannel;

/**
 * A page leaving (`pagehide`, `freeze`: `'hide'`) or coming back from the back-forward cache
 * or a freeze (`pageshow` persisted, `resume`: `'show'`). Returns the unsubscribe.
 *
 * @example
 * const off = lifecycle((phase) => phase === 'hide' && handOver());
 */
export type SsePageLifecycle = (listener: (phase: 'hide' | 'show') => void) => () => void;

const dev = typeof ngDevMode === 'undefined' || ngDevMode;

/** The browser's window, `null` on the server. */
function browserWindow(): Window | null {
  return inject(PLATFORM_ID) === 'browser' ? inject(DOCUMENT).defaultView : null;
}

/**
 * `navigator.locks`, or `null` on the server and in browsers without Web Locks (each tab then
 * connects by itself).
 *
 * @example
 * providers: [{ provide: SSE_LOCK_MANAGER, useValue: null }] // never share
 */
export const SSE_LOCK_MANAGER = new InjectionToken<SseLockManager | null>(
  dev ? 'SSE_LOCK_MANAGER' : '',
  {
    providedIn: 'root',
    factory: () => (browserWindow()?.navigator as { locks?: SseLockManager })?.locks ?? null,
  },
);

/**
 * Opens `BroadcastChannel`s, or `null` where there are none (the server, old browsers).
 *
 * @example
 * providers: [{ provide: SSE_CHANNEL_FACTORY, useValue: (name) => bus.channel(name) }]
 */
export const SSE_CHANNEL_FACTORY = new InjectionToken<SseChannelFactory | null>(
  dev ? 'SSE_CHANNEL_FACTORY' : '',
  {
    providedIn: 'root',
    factory: () => {
      const Channel = (browserWindow() as { BroadcastChannel?: new (name: string) => SseChannel })
        ?.BroadcastChannel;
      return Channel ? (name) => new Channel(name) : null;
    },
  },
);

/**
 * The page lifecycle of this tab: `pagehide`/`freeze` and `pageshow` (from the back-forward
 * cache)/`resume`.
 *
 * @example
 * providers: [{ provide: SSE_PAGE_LIFECYCLE, useValue: (listener) => tab.onLifecycle(listener) }]
 */
export const SSE_PAGE_LIFECYCLE = new InjectionToken<SsePageLifecycle>(
  dev ? 'SSE_PAGE_LIFECYCLE' : '',
  {
    providedIn: 'root',
    factory: () => {
      const window = browserWindow();
      const document = inject(DOCUMENT);
      return (listener) => {
        if (!window) return () => undefined;
        const hide = () => listener('hide');
        const show = (event: Event) =>
          (event.type === 'resume' || (event as PageTransitionEvent).persisted) && listener('show');
        window.addEventListener('pagehide', hide);
        window.addEventListener('pageshow', show);
        document.addEventListener('freeze', hide);
        document.addEventListener('resume', show);
        return () => {
          window.removeEventListener('pagehide', hide);
          window.removeEventListener('pageshow', show);
          document.removeEventListener('freeze', hide);
          document.removeEventListener('resume', show);
        };
      };
    },
  },
);
