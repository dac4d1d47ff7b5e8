import type { SseConfig } from './config';
import { MAX_TIMER_MS, atLeast } from './number-checks';
import type { SseReconnectDecision } from './policy';
import { type SseFailure, type SseReason, statusReason } from './reason';
import { SseError, failureError } from './sse-error';

/** What a reconnect machine does after a failed attempt. */
export type SseFailureStep =
  /** Hand the 401/403 to the `onUnauthorized` refresh, which decides when to connect again. */
  | { readonly step: 'refresh'; readonly reason: SseReason; readonly error: SseError }
  /** Close for good. */
  | { readonly step: 'stop'; readonly reason: SseReason; readonly error: SseError | null }
  /** Attempt again after `delayMs`; `null` when the transport retries by itself. */
  | {
      readonly step: 'retry';
      readonly reason: SseReason;
      readonly delayMs: number | null;
      readonly error: SseError | null;
    };

/** What the step depends on besides the failure. */
export interface SseFailureContext {
  readonly config: SseConfig;
  readonly url: string;
  /** The failed attempt's number, counted since the last attempt that delivered. */
  readonly attempt: number;
  readonly serverRetryMs: number;
  /** False once this open has been refreshed: a second 401 goes to the policy. */
  readonly refreshable: boolean;
  /** The stream's `reconnect` option: without it a retriable failure closes the stream. */
  readonly reconnect: boolean;
  readonly random: () => number;
}

/**
 * Decides what follows `reported`: names the HTTP statuses that have a reason of their own,
 * builds the `SseError`, and asks the refresh or the reconnect policy. It decides only: the
 * machine owns the counters and carries the step out.
 *
 * @example
 * failureStep({ reason: 'http', status: 503 }, { config, url, attempt: 1, ... });
 * // { step: 'retry', reason: 'http', delayMs: 730, error: SseError }
 */
export function failureStep(reported: SseFailure, ctx: SseFailureContext): SseFailureStep {
  const { config, url, attempt } = ctx;
  // Transports report HTTP answers as `http`; the statuses with a name of their own get it here.
  const { reason, status } = reported;
  const failure =
    reason === 'http' && status ? { ...reported, reason: statusReason(status) } : reported;
  const error = failureError(failure, url, attempt);
  if (failure.reason === 'unauthorized' && config.refresh && ctx.refreshable && error) {
    return { step: 'refresh', reason: failure.reason, error };
  }
  let decision: SseReconnectDecision;
  try {
    decision = config.policy(failure, attempt, ctx.serverRetryMs, config.reconnect, ctx.random);
  } catch (thrown) {
    // A policy bug must end the stream visibly, not leave it stuck in `connecting`.
    return policyBug(ctx, `the reconnect policy threw: ${String(thrown)}`, thrown);
  }
  if (decision.action === 'stop') {
    const stopError =
      decision.reason === 'max-attempts'
        ? new SseError(decision.reason, { url, attempt, cause: error })
        : error;
    return { step: 'stop', reason: decision.reason, error: stopError };
  }
  // Without reconnect (a POST by default), a retriable failure ends the stream as it is.
  if (!ctx.reconnect) return { step: 'stop', reason: failure.reason, error };
  if (failure.browserRetrying) {
    return { step: 'retry', reason: decision.reason, delayMs: null, error };
  }
  // A custom policy's NaN or negative delay would retry at once, in a loop: a bug to show, typed.
  if (!atLeast(decision.delayMs, 0, true)) {
    return policyBug(ctx, `the reconnect policy chose delayMs ${decision.delayMs}`, error);
  }
  // A server's `retry:` or `Retry-After` of weeks (or a policy's Infinity) would overflow the
  // timer, which then fires at once, in a loop.
  const delayMs = Math.min(decision.delayMs, MAX_TIMER_MS);
  return { step: 'retry', reason: decision.reason, delayMs, error };
}

/** Stops with `invalid-request`: a custom policy failed, which retrying cannot fix. */
function policyBug(ctx: SseFailureContext, detail: string, cause: unknown): SseFailureStep {
  const { url, attempt } = ctx;
  const error = new SseError('invalid-request', { url, attempt, detail, cause });
  return { step: 'stop', reason: 'invalid-request', error };
}

/**
 * The error a stream stops with when its 401 refresh did not retry: the 401's own, or, when the
 * refresh itself failed, one with that failure as its cause (not lost).
 *
 * @example
 * refreshStopError(error, new Error('token store down')).detail; // 'onUnauthorized failed: Error: token store down'
 */
export function refreshStopError(error: SseError, cause: unknown): SseError {
  if (cause === undefined) return error;
  const { url, attempt, status } = error;
  const detail = `onUnauthorized failed: ${String(cause)}`;
  return new SseError('unauthorized', { url, attempt, status, detail, cause });
}
