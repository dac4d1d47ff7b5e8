import type { SseBackendConnection } from './backend';
import { failureStep, refreshStopError } from './failure-step';
import { SseIdleWatchdog } from './idle-watchdog';
import {
  COMMENTS,
  RESUME,
  ROLE,
  type SseMachineContext,
  type SseMachineRequest,
  type SseMachineSink,
} from './machine-types';
import { atLeast } from './number-checks';
import type { SseFailure, SseReason } from './reason';
import { type SseScheduler, clearTimer } from './scheduler';
import { SseError } from './sse-error';
import type { SseState } from './types';

type Timer = unknown;

/**
 * The reconnect state machine of one connection: attempts, backoff, resume id, heartbeat,
 * pause while hidden, and the 401 refresh. It owns the attempt and reconnect counters and writes
 * every transition and event into its connection's queue, which delivers them later.
 */
export class SseReconnectMachine {
  #status: SseState['status'] = 'idle';
  #stoppedBy: SseReason | null = null;
  #backend: SseBackendConnection | null = null;
  // Bumped whenever an attempt starts or ends, so callbacks of a dead attempt are ignored.
  #generation = 0;
  #attempt = 0;
  #reconnects = 0;
  #serverRetryMs = 0;
  #resumeId = '';
  // `null` until the first open of this start: a resume after it counts as a reconnect.
  #connectedAt: number | null = null;
  #delivered = false;
  #refreshed = false;
  #retryTimer: Timer = null;
  readonly #idle: SseIdleWatchdog;
  readonly #request: SseMachineRequest;
  readonly #ctx: SseMachineContext;
  readonly #queue: SseMachineSink;

  constructor(request: SseMachineRequest, ctx: SseMachineContext, queue: SseMachineSink) {
    this.#request = request;
    this.#ctx = ctx;
    this.#queue = queue;
    this.#idle = new SseIdleWatchdog(ctx.scheduler, request.heartbeatTimeoutMs, () => {
      if (this.#backend) this.#onFailure({ reason: 'idle-timeout' });
    });
  }

  /** True between `start()` and the close that ends it. */
  get running(): boolean {
    return this.#status !== 'idle' && this.#status !== 'closed';
  }

  /**
   * Closed by its subscribers (`close()`, the last unsubscribe), not by a failure: the next start
   * begins afresh, as a new connection would, whether or not this one was garbage-collected.
   */
  get retired(): boolean {
    const by = this.#stoppedBy;
    return this.#status === 'closed' && (by === 'closed' || by === 'unsubscribed');
  }

  /** Opens the connection. Nothing happens on the server platform. */
  start(): void {
    const { window, document } = this.#ctx;
    if (!window || this.running) return;
    // A first start, or one after its subscribers closed it, begins at the request's id; one
    // that a failure stopped resumes where it stopped (even at an id the server cleared), and its
    // counters and log go on too.
    if (this.retired || this.#status === 'idle') this.#resumeId = this.#request.initialLastEventId;
    if (this.retired) this.#reconnects = 0;
    this.#attempt = 0;
    this.#serverRetryMs = 0;
    this.#connectedAt = null;
    this.#ctx.zone.runOutsideAngular(() => {
      window.addEventListener('online', this.#onOnline);
      if (this.#pausable) document.addEventListener('visibilitychange', this.#onVisibility);
    });
    if (this.#pausable && document.hidden) this.#transition({ status: 'paused' });
    else this.#begin(false);
  }

  /** Closes for good with `reason`; `error` when a failure closed it. */
  stop(reason: SseReason, error: SseError | null = null): void {
    if (!this.running) return;
    this.#retryTimer = clearTimer(this.#scheduler, this.#retryTimer);
    this.#idle.stop();
    this.#closeBackend();
    this.#ctx.window!.removeEventListener('online', this.#onOnline);
    this.#ctx.document.removeEventListener('visibilitychange', this.#onVisibility);
    this.#stoppedBy = reason;
    this.#transition({ status: 'closed', reason, error });
  }

  /** A fresh attempt now, from the last event id; it counts as a reconnect. */
  reconnect(): void {
    if (!this.running || this.#status === 'paused') return;
    this.#retryTimer = clearTimer(this.#scheduler, this.#retryTimer);
    this.#closeBackend();
    this.#begin(true);
  }

  /**
   * Tells the current attempt to start (`on`) or stop listening for `type`, outside the zone as
   * its own listeners; a new attempt asks the connection for its names.
   */
  listen(type: string, on: boolean): void {
    const backend = this.#backend;
    if (backend) this.#ctx.zone.runOutsideAngular(() => backend[on ? 'listen' : 'unlisten'](type));
  }

  get #pausable(): boolean {
    const { pauseWhenHidden, attempt } = this.#request;
    const { fetch } = attempt;
    return pauseWhenHidden && ((fetch.method ?? 'GET') === 'GET' || !!fetch.replayWhenVisible);
  }

  readonly #onOnline = () => {
    if (this.#retryTimer === null) return;
    this.#retryTimer = clearTimer(this.#scheduler, this.#retryTimer);
    this.#connect();
  };

  readonly #onVisibility = () => {
    if (this.#ctx.document.hidden) {
      if (this.#status === 'closed') return;
      this.#retryTimer = clearTimer(this.#scheduler, this.#retryTimer);
      this.#idle.stop();
      this.#closeBackend();
      this.#transition({ status: 'paused' });
    } else if (this.#status === 'paused') {
      this.#begin(this.#connectedAt !== null);
    }
  };

  /** `connecting`, then an attempt; a reconnect when the connection had started before. */
  #begin(again: boolean): void {
    if (again) this.#reconnects++;
    this.#transition({ status: 'connecting' });
    // A subscriber that saw the transition synchronously may have closed the stream.
    if (this.#status === 'connecting') this.#connect();
  }

  #connect(): void {
    this.#retryTimer = null;
    const generation = ++this.#generation;
    const live = () => generation === this.#generation;
    const { backend, zone } = this.#ctx;
    const { attempt, comments } = this.#request;
    this.#idle.touch();
    try {
      const connection = zone.runOutsideAngular(() =>
        backend.connect(
          { ...attempt, lastEventId: this.#resumeId, types: this.#queue.names() },
          {
            open: () => live() && this.#onOpen(),
            event: (type, data, id) => live() && this.#onEvent(type, data, id),
            // A custom backend's NaN or negative `retry:` is no delay to floor the backoff with.
            retry: (ms) => live() && atLeast(ms, 0, true) && (this.#serverRetryMs = ms),
            alive: (comment) => {
              if (!live()) return;
              this.#idle.touch();
              if (comment !== undefined && comments) this.#queue.event(COMMENTS, comment, '', 0);
            },
            error: (failure) => live() && this.#onFailure(failure),
            resume: (id) => {
              if (!live()) return;
              this.#resumeId = id;
              this.#queue.event(RESUME, id, id, 0);
            },
            role: (role) => live() && this.#queue.event(ROLE, role, '', 0),
          },
        ),
      );
      // A backend may fail synchronously; then this attempt is already over.
      if (live()) this.#backend = connection;
      else connection.close();
    } catch (cause) {
      // Only a malformed URL or request makes a backend throw at once; retrying cannot fix it.
      this.stop(
        'invalid-request',
        new SseError('invalid-request', { url: attempt.url, cause, detail: String(cause) }),
      );
    }
  }

  #onOpen(): void {
    this.#connectedAt = this.#scheduler.now();
    this.#delivered = false;
    this.#refreshed = false;
    this.#idle.touch();
    this.#transition({ status: 'open' });
  }

  #onEvent(type: string, data: string, lastEventId: string): void {
    this.#resumeId = lastEventId;
    // A connection that delivers works: its next failure starts the backoff afresh.
    if (!this.#delivered) {
      this.#delivered = true;
      this.#attempt = 0;
    }
    this.#queue.event(type, data, lastEventId, this.#idle.touch());
  }

  #onFailure(reported: SseFailure): void {
    const { config, scheduler } = this.#ctx;
    if (
      this.#status === 'open' &&
      scheduler.now() - this.#connectedAt! >= config.reconnect.resetAfterMs
    ) {
      this.#attempt = 0;
    }
    const attempt = ++this.#attempt;
    const next = failureStep(reported, {
      config,
      url: this.#request.attempt.url,
      attempt,
      serverRetryMs: this.#serverRetryMs,
      refreshable: !this.#refreshed,
      reconnect: this.#request.reconnect,
      random: () => scheduler.random(),
    });
    if (next.step === 'stop') return this.stop(next.reason, next.error);
    if (next.step === 'retry') {
      return this.#retry(attempt, next.delayMs, next.reason, next.error, next.delayMs === null);
    }
    this.#refreshed = true;
    this.#retry(attempt, 0, next.reason, next.error, false);
    // Closed by a subscriber that saw `reconnecting`: no refresh, and no attempt after it.
    if (this.#status !== 'reconnecting') return;
    // The refresh decides when to connect again, not a timer.
    this.#retryTimer = clearTimer(this.#scheduler, this.#retryTimer);
    const generation = this.#generation;
    const { error } = next;
    config.refresh!(
      error,
      () => generation === this.#generation && this.#connect(),
      (cause) =>
        generation === this.#generation &&
        !this.#backend &&
        this.stop('unauthorized', refreshStopError(error, cause)),
    );
  }

  /** `reconnecting`, then (unless the browser retries by itself) a timer for the next attempt. */
  #retry(
    attempt: number,
    delayMs: number | null,
    reason: SseReason,
    error: SseError | null,
    browserRetrying: boolean,
  ): void {
    this.#reconnects++;
    this.#transition({ status: 'reconnecting', attempt, delayMs, reason, error });
    // Closed by a subscriber that saw the transition synchronously: no attempt may follow.
    if (browserRetrying || this.#status !== 'reconnecting') return;
    this.#closeBackend(delayMs ?? undefined);
    if (delayMs !== null) {
      this.#retryTimer = this.#scheduler.setTimeout(() => this.#connect(), delayMs);
    }
  }

  get #scheduler(): SseScheduler {
    return this.#ctx.scheduler;
  }

  /** Ends the current attempt; `retryInMs` when the next one follows after that delay. */
  #closeBackend(retryInMs?: number): void {
    this.#generation++;
    this.#backend?.close(retryInMs);
    this.#backend = null;
  }

  #transition(state: SseState): void {
    this.#status = state.status;
    this.#queue.transition(state, this.#scheduler.now(), this.#reconnects);
  }
}
