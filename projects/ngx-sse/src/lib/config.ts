import { InjectionToken, type ProviderToken } from '@angular/core';

import type { SseBackend, SseBackendDecorator } from './backend';
import { type SseSchedule, frameSchedule } from './batching';
import type { SseTransport } from './options';
import { SSE_DEFAULT_MAX_EVENT_SIZE } from './parser/sse-parser-types';
import {
  DEFAULT_RECONNECT,
  type SseReconnectOptions,
  type SseReconnectPolicy,
  reconnectPolicy,
} from './policy';
import type { SseError } from './sse-error';

/**
 * Called when a stream meets a 401 or 403. Resolving `'retry'` (after refreshing a token, say)
 * reconnects once at once, counted as a reconnect; anything else stops with `unauthorized`.
 * TypeScript widens a `return 'retry'` inside a block-bodied `async` function to `string`:
 * return an expression, as below, or write `'retry' as const`.
 *
 * @example
 * const refresh: SseUnauthorizedHandler = async () => ((await auth.refresh()) ? 'retry' : undefined);
 */
export type SseUnauthorizedHandler = (error: SseError) => Promise<'retry' | void> | 'retry' | void;

/**
 * Runs an {@link SseUnauthorizedHandler} for `error`, then calls `retry` if it answered `'retry'`
 * and `done` in any case, with what it threw when it failed: the machine stops unless the retry
 * is under way.
 */
export type SseRefresh = (
  error: SseError,
  retry: () => void,
  done: (failure?: unknown) => void,
) => void;

/** The resolved configuration of `SseClient`. Every field has a default. */
export interface SseConfig {
  readonly reconnect: SseReconnectOptions;
  readonly policy: SseReconnectPolicy;
  readonly withCredentials: boolean;
  readonly heartbeatTimeoutMs: number;
  readonly lastEventIdParam: string;
  readonly schedule: SseSchedule;
  readonly lingerMs: number;
  readonly logSize: number;
  readonly maxEventSize: number;
  /** The transport of streams that do not name one. */
  readonly transport: SseTransport;
  readonly backends: Partial<Record<SseTransport, ProviderToken<SseBackend>>>;
  /** The 401 refresh, from `withFetchTransport({ onUnauthorized })` (`EventSource` never sees a 401). */
  readonly refresh?: SseRefresh | null;
  /** Shares GET connections across tabs (`withCrossTabSharing()`). */
  readonly crossTab?: ProviderToken<SseBackendDecorator> | null;
}

/** What one feature contributes; `reconnect` and `backends` merge field by field. */
export type SseConfigPatch = Partial<Omit<SseConfig, 'reconnect'>> & {
  readonly reconnect?: Partial<SseReconnectOptions>;
};

/** The defaults `SseClient` uses with zero configuration. */
export const DEFAULT_SSE_CONFIG: SseConfig = {
  reconnect: DEFAULT_RECONNECT,
  policy: reconnectPolicy,
  withCredentials: false,
  heartbeatTimeoutMs: 0,
  lastEventIdParam: 'lastEventId',
  schedule: frameSchedule,
  lingerMs: 0,
  logSize: 100,
  maxEventSize: SSE_DEFAULT_MAX_EVENT_SIZE,
  transport: 'eventsource',
  backends: {},
};

// Dev-mode guards test Angular's `ngDevMode` inline, not through a helper: app builds define it
// false, and optimizers fold the inline test (dropping what it guards) but never a call's result.

/** The patches of `provideSse` calls, each already composed from its features. */
export const SSE_CONFIG = new InjectionToken<readonly SseConfigPatch[]>(
  typeof ngDevMode === 'undefined' || ngDevMode ? 'SSE_CONFIG' : '',
);

/** Applies `patch` over `config`, field by field for `reconnect` and `backends`. */
export function mergeConfig<T extends SseConfigPatch>(config: T, patch: SseConfigPatch): T {
  return {
    ...config,
    ...patch,
    reconnect: { ...config.reconnect, ...patch.reconnect },
    backends: { ...config.backends, ...patch.backends },
  };
}
