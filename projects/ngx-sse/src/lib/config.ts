import {
  type EnvironmentProviders,
  InjectionToken,
  type Provider,
  makeEnvironmentProviders,
} from '@angular/core';

import {
  DEFAULT_RECONNECT,
  type SseReconnectOptions,
  type SseReconnectPolicy,
  reconnectPolicy,
} from './policy';

/**
 * How emissions re-enter Angular. Listeners always run outside the zone; events are then
 * delivered in batches, one zone re-entry per batch:
 * - `microtask`: everything that arrived in one macrotask, delivered in one batch (default);
 * - `animation-frame`: at most one batch per frame, for high-rate streams;
 * - `sync`: each event at once, one re-entry each.
 */
export type SseBatching = 'microtask' | 'animation-frame' | 'sync';

/** The resolved configuration of `SseClient`. Every field has a default. */
export interface SseConfig {
  readonly reconnect: SseReconnectOptions;
  readonly policy: SseReconnectPolicy;
  readonly withCredentials: boolean;
  /** Reconnect with reason `idle-timeout` after this long without bytes; 0 disables it. */
  readonly heartbeatTimeoutMs: number;
  readonly lastEventIdParam: string;
  /**
   * Schedules the delivery of a batch; `null` delivers each event at once. Set it through
   * `withBatching`, so only the mode an app picks is bundled.
   */
  readonly batching: ((flush: () => void) => void) | null;
  /** Keep a connection this long after its last subscriber leaves (route changes). */
  readonly lingerMs: number;
  /** Transitions kept in `diagnostics().log`. */
  readonly logSize: number;
}

/** The defaults `SseClient` uses with zero configuration. */
export const DEFAULT_SSE_CONFIG: SseConfig = {
  reconnect: DEFAULT_RECONNECT,
  policy: reconnectPolicy,
  withCredentials: false,
  heartbeatTimeoutMs: 0,
  lastEventIdParam: 'lastEventId',
  batching: (flush) => queueMicrotask(flush),
  lingerMs: 0,
  logSize: 100,
};

/** Partial configurations contributed by `withX()` features, merged in order over the defaults. */
export const SSE_CONFIG = new InjectionToken<readonly Partial<SseConfig>[]>('SSE_CONFIG');

/** A configuration feature for `provideSse`, as `HttpFeature` is for `provideHttpClient`. */
export interface SseFeature {
  readonly ɵproviders: Provider[];
}

/** A feature that contributes one partial configuration. */
export function sseFeature(config: Partial<SseConfig>, ...providers: Provider[]): SseFeature {
  return { ɵproviders: [{ provide: SSE_CONFIG, multi: true, useValue: config }, ...providers] };
}

/**
 * Configures `SseClient` for the application. Without it the client runs on defaults.
 *
 * @example
 * bootstrapApplication(App, {
 *   providers: [provideSse(withReconnect({ maxAttempts: 10 }), withCredentials(), withHeartbeatTimeout(45_000))],
 * });
 */
export function provideSse(...features: SseFeature[]): EnvironmentProviders {
  return makeEnvironmentProviders(features.flatMap((feature) => feature.ɵproviders));
}

/**
 * Backoff settings and, optionally, a custom policy function.
 *
 * @example
 * provideSse(withReconnect({ initialDelayMs: 250, maxDelayMs: 5000, maxAttempts: 20 }))
 */
export function withReconnect(
  options: Partial<SseReconnectOptions> & { policy?: SseReconnectPolicy },
): SseFeature {
  const { policy, ...reconnect } = options;
  return sseFeature({
    reconnect: { ...DEFAULT_RECONNECT, ...reconnect },
    ...(policy ? { policy } : {}),
  });
}

/**
 * Sends cookies cross-origin (`EventSource`'s `withCredentials`, fetch's `credentials: 'include'`).
 *
 * @example
 * provideSse(withCredentials())
 */
export function withCredentials(enabled = true): SseFeature {
  return sseFeature({ withCredentials: enabled });
}

/**
 * Reconnects with reason `idle-timeout` when nothing arrives for `ms` (heartbeat comments count
 * with transports that can see them).
 *
 * @example
 * provideSse(withHeartbeatTimeout(45_000))
 */
export function withHeartbeatTimeout(ms: number): SseFeature {
  return sseFeature({ heartbeatTimeoutMs: ms });
}

/**
 * The query parameter that carries the last event id on the library's own reconnects with
 * `EventSource` (which cannot set headers). Default `lastEventId`.
 *
 * @example
 * provideSse(withLastEventIdParam('since'))
 */
export function withLastEventIdParam(name: string): SseFeature {
  return sseFeature({ lastEventIdParam: name });
}

/**
 * How events re-enter Angular; see {@link SseBatching}.
 *
 * @example
 * provideSse(withBatching('animation-frame'))
 */
export function withBatching(mode: SseBatching): SseFeature {
  const batching = {
    sync: null,
    microtask: DEFAULT_SSE_CONFIG.batching,
    'animation-frame': nextFrame,
  };
  return sseFeature({ batching: batching[mode] });
}

function nextFrame(flush: () => void): void {
  // rAF pauses in hidden tabs; the timeout bounds how long events wait there. Whichever fires
  // first cancels the other, so a stray timeout never flushes a later batch early.
  const run = () => {
    clearTimeout(timeout);
    cancelAnimationFrame(frame);
    flush();
  };
  const timeout = setTimeout(run, 100);
  const frame = requestAnimationFrame(run);
}

/**
 * Keeps a connection open `ms` after its last subscriber leaves, so a route change that
 * unsubscribes and resubscribes reuses it.
 *
 * @example
 * provideSse(withLinger(2000))
 */
export function withLinger(ms: number): SseFeature {
  return sseFeature({ lingerMs: ms });
}

/**
 * How many transitions `diagnostics().log` keeps (default 100).
 *
 * @example
 * provideSse(withDiagnosticsLog(500))
 */
export function withDiagnosticsLog(size: number): SseFeature {
  return sseFeature({ logSize: size });
}
