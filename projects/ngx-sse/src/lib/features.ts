import type { SseBatching } from './batching';
import { BATCHING_MODES, batchSchedule } from './batching';
import { type SseFeature, ɵfeature } from './sse-feature';
import { checkNumber } from './number-checks';
import type { SseReconnectOptions, SseReconnectPolicy } from './policy';

// The configuration features of `provideSse`. Each checks its numbers when called: a NaN or a
// negative duration would otherwise turn into a timer that fires at once, in a loop.

/**
 * Backoff settings and, optionally, a custom policy. Several calls compose field by field.
 *
 * @example
 * provideSse(withReconnect({ initialDelayMs: 250, maxDelayMs: 5000, maxAttempts: 20 }))
 */
export function withReconnect(
  options: Partial<SseReconnectOptions> & { readonly policy?: SseReconnectPolicy },
): SseFeature {
  const { policy, ...reconnect } = options;
  const { initialDelayMs, maxDelayMs, multiplier, maxAttempts, resetAfterMs } = reconnect;
  const check = (name: string, value: number | undefined, min: number, infinite = false) =>
    value === undefined || checkNumber(`withReconnect({ ${name} })`, value, min, infinite);
  check('initialDelayMs', initialDelayMs, 0);
  check('maxDelayMs', maxDelayMs, 0);
  check('multiplier', multiplier, 1);
  check('maxAttempts', maxAttempts, 0, true);
  check('resetAfterMs', resetAfterMs, 0);
  return ɵfeature('Reconnect', [reconnect], policy ? { reconnect, policy } : { reconnect });
}

/**
 * Sends cookies cross-origin (`EventSource`'s `withCredentials`, fetch's `credentials: 'include'`).
 *
 * @example
 * provideSse(withCredentials())
 */
export function withCredentials(enabled = true): SseFeature {
  return ɵfeature('Credentials', [enabled], { withCredentials: enabled });
}

/**
 * Reconnects with reason `idle-timeout` when nothing arrives for `ms` (heartbeat comments count
 * with transports that can see them: fetch).
 *
 * @example
 * provideSse(withHeartbeatTimeout(45_000))
 */
export function withHeartbeatTimeout(ms: number): SseFeature {
  checkNumber('withHeartbeatTimeout(ms)', ms, 0);
  return ɵfeature('HeartbeatTimeout', [ms], { heartbeatTimeoutMs: ms });
}

/**
 * The query parameter that carries the last event id on the library's own reconnects with
 * `EventSource` (which cannot set headers). Default `lastEventId`.
 *
 * @example
 * provideSse(withLastEventIdParam('since'))
 */
export function withLastEventIdParam(name: string): SseFeature {
  if (typeof name !== 'string' || !name) {
    throw new TypeError(
      `ngx-sse: withLastEventIdParam(name) needs a non-empty name, got '${name}'`,
    );
  }
  return ɵfeature('LastEventIdParam', [name], { lastEventIdParam: name });
}

/**
 * How events re-enter Angular; see {@link SseBatching}.
 *
 * @example
 * provideSse(withBatching('microtask'))
 */
export function withBatching(mode: SseBatching): SseFeature {
  if (!BATCHING_MODES.includes(mode)) {
    throw new TypeError(
      `ngx-sse: withBatching(mode) needs one of ${BATCHING_MODES.join(', ')}, got '${mode}'`,
    );
  }
  return ɵfeature('Batching', [mode], { schedule: batchSchedule(mode) });
}

/**
 * Keeps a connection open `ms` after its last subscriber leaves, so a route change that
 * unsubscribes and resubscribes reuses it.
 *
 * @example
 * provideSse(withLinger(2000))
 */
export function withLinger(ms: number): SseFeature {
  checkNumber('withLinger(ms)', ms, 0);
  return ɵfeature('Linger', [ms], { lingerMs: ms });
}

/**
 * How many transitions `diagnostics().log` keeps (default 100; 0 keeps none).
 *
 * @example
 * provideSse(withDiagnosticsLog(500))
 */
export function withDiagnosticsLog(size: number): SseFeature {
  checkNumber('withDiagnosticsLog(size)', size, 0);
  return ɵfeature('DiagnosticsLog', [size], { logSize: size });
}

/**
 * The largest event, in UTF-16 code units, before a stream stops with `too-large` (default
 * 16 MiB): its data so far plus the line being read. The event name and id, each one line, are
 * held beside it, so memory stays within about three times the bound. The fetch transport
 * enforces it; browsers bound `EventSource` themselves.
 *
 * @example
 * provideSse(withMaxEventSize(64 * 1024 * 1024))
 */
export function withMaxEventSize(size: number): SseFeature {
  checkNumber('withMaxEventSize(size)', size, 1);
  return ɵfeature('MaxEventSize', [size], { maxEventSize: size });
}
