import type { NgZone } from '@angular/core';
import { Observable, Subject } from 'rxjs';

import type { SseBackend, SseBackendConnection, SseRequest } from './backend';
import type { SseConfig } from './config';
import type { SseDispatch } from './dispatcher';
import type { SseFailure } from './policy';
import type { SseScheduler } from './scheduler';
import { SseError, type SseErrorKind, failureError } from './sse-error';
import { Store } from './store';
import type { SseDiagnostics, SseState } from './types';

/** An event as the connection delivers it, before a stream's deserializer runs. */
export interface SseRawEvent {
  readonly type: string;
  readonly data: string;
  readonly lastEventId: string;
  readonly receivedAt: number;
}

/** What a connection needs from its client. */
export interface SseConnectionContext {
  readonly backend: SseBackend;
  readonly config: SseConfig;
  readonly scheduler: SseScheduler;
  readonly dispatch: SseDispatch;
  readonly zone: NgZone;
  /** `null` on the server: nothing connects there. */
  readonly window: Window | null;
}

interface Listeners {
  readonly subject: Subject<SseRawEvent>;
  count: number;
}

const INITIAL_DIAGNOSTICS: SseDiagnostics = {
  lastEventId: '',
  connectedAt: null,
  lastEventAt: null,
  eventsReceived: 0,
  reconnects: 0,
  parseErrors: 0,
  lastError: null,
  log: [],
};

/**
 * One shared, ref-counted connection per URL and options: it opens on the first subscriber,
 * closes after the last one, and runs the reconnect state machine in between.
 */
export class SseConnection {
  readonly state = new Store<SseState>({ status: 'idle' });
  readonly diagnostics = new Store<SseDiagnostics>(INITIAL_DIAGNOSTICS);
  readonly errors = new Subject<SseError>();

  // The state the machine acts on; `state` follows it through the dispatcher.
  #current: SseState = { status: 'idle' };
  readonly #listeners = new Map<string, Listeners>();
  #refs = 0;
  #backendConnection: SseBackendConnection | null = null;
  // Bumped whenever an attempt starts or is closed, so callbacks of a dead attempt are ignored.
  #generation = 0;
  #attempt = 0;
  #serverRetryMs = 0;
  #resumeId = '';
  #connectedAt = 0;
  #lastActivity = 0;
  #retryTimer: unknown = null;
  #idleTimer: unknown = null;
  #lingerTimer: unknown = null;
  #closeReason = '';

  readonly #request: Pick<SseRequest, 'url' | 'withCredentials' | 'init'>;
  readonly #ctx: SseConnectionContext;
  readonly #heartbeatTimeoutMs: number;
  readonly #lingerMs: number;
  readonly #scheduler: SseScheduler;
  readonly #dispatch: SseDispatch;
  #reconnects = 0;

  constructor(
    request: Pick<SseRequest, 'url' | 'withCredentials' | 'init'>,
    ctx: SseConnectionContext,
    heartbeatTimeoutMs: number,
    lingerMs: number,
  ) {
    this.#request = request;
    this.#ctx = ctx;
    this.#heartbeatTimeoutMs = heartbeatTimeoutMs;
    this.#lingerMs = lingerMs;
    this.#scheduler = ctx.scheduler;
    this.#dispatch = ctx.dispatch;
  }

  /** Events named `type`; subscribing holds the connection open. */
  events(type: string): Observable<SseRawEvent> {
    return new Observable<SseRawEvent>((subscriber) => {
      const entry = this.#acquire(type);
      const subscription = entry.subject.subscribe(subscriber);
      return () => {
        subscription.unsubscribe();
        this.#release(type, entry);
      };
    });
  }

  /** Runs `detach` (which unsubscribes a stream's subscribers) as a client-side close. */
  detach(detach: () => void): void {
    this.#closeReason = 'closed';
    detach();
    this.#closeReason = '';
    // Already without subscribers and lingering: close() still closes now.
    if (this.#lingerTimer !== null) this.#shutdown('closed');
  }

  /** Counts a payload its stream could not deserialize; the stream goes on. */
  reportParseError(event: SseRawEvent, cause: unknown): void {
    const error = this.#error('parse', `bad ${event.type} payload`, cause);
    this.diagnostics.update({
      parseErrors: this.diagnostics.get().parseErrors + 1,
      lastError: error,
    });
    this.errors.next(error);
  }

  #acquire(type: string): Listeners {
    let entry = this.#listeners.get(type);
    if (!entry) {
      entry = { subject: new Subject(), count: 0 };
      this.#listeners.set(type, entry);
      this.#backendConnection?.listen(type);
    }
    entry.count++;
    this.#refs++;
    this.#lingerTimer = this.#clear(this.#lingerTimer);
    if (this.#current.status === 'idle' || this.#current.status === 'closed') this.#start();
    return entry;
  }

  #release(type: string, entry: Listeners): void {
    if (this.#listeners.get(type) !== entry) return;
    if (--entry.count === 0) {
      this.#listeners.delete(type);
      this.#backendConnection?.unlisten(type);
    }
    if (--this.#refs > 0) return;
    if (this.#closeReason || !this.#lingerMs) {
      this.#shutdown(this.#closeReason || 'unsubscribed');
    } else {
      this.#lingerTimer = this.#scheduler.setTimeout(
        () => this.#shutdown('unsubscribed'),
        this.#lingerMs,
      );
    }
  }

  #start(): void {
    const { window } = this.#ctx;
    if (!window) return;
    this.#attempt = 0;
    this.#serverRetryMs = 0;
    this.#resumeId = '';
    this.#setState({ status: 'connecting' });
    this.#ctx.zone.runOutsideAngular(() => window.addEventListener('online', this.#onOnline));
    this.#connect();
  }

  readonly #onOnline = () => {
    if (this.#retryTimer === null) return;
    this.#retryTimer = this.#clear(this.#retryTimer);
    this.#connect();
  };

  #connect(): void {
    this.#retryTimer = null;
    const generation = ++this.#generation;
    const live = () => generation === this.#generation;
    const { config, backend, zone } = this.#ctx;
    this.#touch();
    try {
      const connection = zone.runOutsideAngular(() =>
        backend.connect(
          {
            ...this.#request,
            lastEventId: this.#resumeId,
            lastEventIdParam: config.lastEventIdParam,
            types: [...this.#listeners.keys()],
          },
          {
            open: () => live() && this.#onOpen(),
            event: (type, data, id) => live() && this.#onEvent(type, data, id),
            retry: (ms) => live() && (this.#serverRetryMs = ms),
            alive: () => live() && this.#touch(),
            error: (failure) => live() && this.#onFailure(failure),
            pause: () => live() && this.#onPause(),
          },
        ),
      );
      // A backend may fail synchronously; then this attempt is already over.
      if (live()) this.#backendConnection = connection;
      else connection.close();
    } catch (cause) {
      // Only a malformed URL makes a backend throw at once, and retrying will not fix it.
      this.#fail(this.#error('network', 'cannot open', cause));
      this.#shutdown('bad-url');
    }
  }

  #onOpen(): void {
    this.#connectedAt = this.#scheduler.now();
    this.#touch();
    this.#setState({ status: 'open' }, { connectedAt: this.#connectedAt });
  }

  #onPause(): void {
    // Nothing arrives while paused on purpose; the idle timer re-arms when the backend reopens.
    this.#idleTimer = this.#clear(this.#idleTimer);
    this.#setState({
      status: 'reconnecting',
      attempt: this.#attempt,
      delayMs: null,
      reason: 'hidden',
    });
  }

  #onEvent(type: string, data: string, lastEventId: string): void {
    this.#resumeId = lastEventId;
    const receivedAt = this.#touch();
    const entry = this.#listeners.get(type);
    this.#dispatch(() => {
      const diagnostics = this.diagnostics.get();
      this.diagnostics.update({
        lastEventId,
        lastEventAt: receivedAt,
        eventsReceived: diagnostics.eventsReceived + 1,
      });
      entry?.subject.next({ type, data, lastEventId, receivedAt });
    });
  }

  #onFailure(failure: SseFailure): void {
    const { config, scheduler } = this.#ctx;
    if (
      this.#current.status === 'open' &&
      scheduler.now() - this.#connectedAt >= config.reconnect.resetAfterMs
    ) {
      this.#attempt = 0;
    }
    const attempt = ++this.#attempt;
    const error = failureError(failure, this.#request.url, attempt);
    if (error) this.#fail(error);
    const decision = config.policy(failure, attempt, this.#serverRetryMs, config.reconnect, () =>
      scheduler.random(),
    );
    if (decision.action === 'stop') {
      this.#shutdown(decision.reason);
      return;
    }
    const browserRetrying = failure.kind === 'network' && failure.browserRetrying;
    const delayMs = browserRetrying ? null : decision.delayMs;
    this.#setState(
      { status: 'reconnecting', attempt, delayMs, reason: decision.reason },
      // Counted here: diagnostics lag behind while a batch is pending.
      { reconnects: ++this.#reconnects },
    );
    if (browserRetrying) return;
    this.#closeBackend();
    this.#retryTimer = scheduler.setTimeout(() => this.#connect(), decision.delayMs);
  }

  #error(kind: SseErrorKind, detail: string, cause: unknown): SseError {
    return new SseError(kind, detail, { url: this.#request.url, attempt: this.#attempt, cause });
  }

  #fail(error: SseError): void {
    this.#dispatch(() => {
      this.diagnostics.update({ lastError: error });
      this.errors.next(error);
    });
  }

  /** Marks liveness; the idle timer re-arms lazily instead of being reset per event. */
  #touch(): number {
    const now = (this.#lastActivity = this.#scheduler.now());
    if (this.#heartbeatTimeoutMs && this.#idleTimer === null)
      this.#armIdle(this.#heartbeatTimeoutMs);
    return now;
  }

  #armIdle(ms: number): void {
    this.#idleTimer = this.#scheduler.setTimeout(() => {
      this.#idleTimer = null;
      const idleFor = this.#scheduler.now() - this.#lastActivity;
      if (idleFor < this.#heartbeatTimeoutMs) {
        this.#armIdle(this.#heartbeatTimeoutMs - idleFor);
      } else if (this.#backendConnection) {
        this.#onFailure({ kind: 'idle-timeout' });
      }
    }, ms);
  }

  #shutdown(reason: string): void {
    // On the server nothing started, so there is nothing to close and the state stays idle.
    if (!this.#ctx.window) return;
    this.#retryTimer = this.#clear(this.#retryTimer);
    this.#idleTimer = this.#clear(this.#idleTimer);
    this.#lingerTimer = this.#clear(this.#lingerTimer);
    this.#closeBackend();
    this.#ctx.window?.removeEventListener('online', this.#onOnline);
    this.#setState({ status: 'closed', reason });
    const entries = [...this.#listeners.values()];
    this.#listeners.clear();
    this.#refs = 0;
    this.#dispatch(() => entries.forEach((entry) => entry.subject.complete()));
  }

  #closeBackend(): void {
    this.#generation++;
    this.#backendConnection?.close();
    this.#backendConnection = null;
  }

  /** Clears a timer handle; returns the `null` to store in its place. */
  #clear(handle: unknown): null {
    if (handle !== null) this.#scheduler.clearTimeout(handle);
    return null;
  }

  #setState(state: SseState, change: Partial<SseDiagnostics> = {}): void {
    this.#current = state;
    const at = this.#scheduler.now();
    this.#dispatch(() => {
      const { log } = this.diagnostics.get();
      const bounded = [...log, { at, state }].slice(-this.#ctx.config.logSize);
      this.diagnostics.update({ ...change, log: bounded });
      this.state.set(state);
    });
  }
}
