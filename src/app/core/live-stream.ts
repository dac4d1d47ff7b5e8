import { Injectable, computed, effect, inject, signal, untracked } from '@angular/core';
import { Router } from '@angular/router';
import { type SseResourceRequest, type SseTransport, sseResource } from 'ngx-sse';

import type { AppEvents } from './api';
import { toLogin } from './login-redirect';
import { Session } from './session';

/**
 * The default heartbeat timeout: twice the mock server's 1 s heartbeat interval, so one late
 * heartbeat is tolerated, and short enough that a stalled stream shows within 3 s.
 */
export const DEFAULT_HEARTBEAT_TIMEOUT_MS = 2000;

/**
 * What the dashboard streams: `/api/events` while signed in, with the transport settings. Every
 * live store declares its own `sseResource` with this request; equal requests share one
 * connection, so the stores need no handle of their own. It also watches for `reset`: the
 * server's word that it could not replay everything that was missed.
 */
@Injectable({ providedIn: 'root' })
export class LiveStream {
  private readonly session = inject(Session);
  private readonly router = inject(Router);

  /** `fetch` shows HTTP statuses and heartbeat comments; `eventsource` is the browser's own. */
  readonly transport = signal<SseTransport>('fetch');
  /** Reconnect after this long without bytes (fetch only: EventSource hides heartbeat comments). */
  readonly heartbeatTimeoutMs = signal(DEFAULT_HEARTBEAT_TIMEOUT_MS);
  /** One connection for all the tabs of the dashboard (`withCrossTabSharing()`); on by default. */
  readonly crossTab = signal(true);

  // Bumped to open the stream again after it stopped for good: a new request, the same values.
  private readonly restarts = signal(0);

  /** The request of every live resource; `undefined` while signed out. */
  readonly request = computed<SseResourceRequest | undefined>(() => {
    this.restarts();
    if (!this.session.user()) return undefined;
    const crossTab = this.crossTab();
    return this.transport() === 'fetch'
      ? {
          url: '/api/events',
          transport: 'fetch',
          heartbeatTimeoutMs: this.heartbeatTimeoutMs(),
          crossTab,
        }
      : { url: '/api/events', crossTab };
  });

  /** The latest `reset` control event. */
  readonly resets = sseResource<AppEvents, 'reset'>(() => this.request(), { event: 'reset' });
  /** The connection's state and diagnostics, kept after logout so the teardown stays visible. */
  readonly state = this.resets.state;
  readonly diagnostics = this.resets.diagnostics;

  constructor() {
    effect(() => {
      const state = this.state();
      // With EventSource a 401 only shows as "refused"; ask the server whether the session is gone.
      const suspicious =
        (state.status === 'closed' && state.reason === 'unauthorized') ||
        (state.status === 'reconnecting' && state.reason === 'refused');
      if (suspicious) untracked(() => void this.checkSession());
    });
  }

  /**
   * A fresh attempt now, instead of waiting out the backoff: the resources share one connection,
   * so reloading one retries it for all, with its diagnostics and resume id kept.
   */
  retryNow(): void {
    this.resets.reload();
  }

  /** Opens the stream again (every live resource restarts, resuming from its last id). */
  reconnect(): void {
    this.restarts.update((n) => n + 1);
  }

  /** Switches transport, heartbeat timeout or sharing; an open stream reopens with them. */
  configure(transport: SseTransport, heartbeatTimeoutMs: number, crossTab = this.crossTab()): void {
    this.transport.set(transport);
    this.heartbeatTimeoutMs.set(heartbeatTimeoutMs);
    this.crossTab.set(crossTab);
  }

  private async checkSession(): Promise<void> {
    // A failed probe says nothing about the session: only a clear "nobody" signs the user out.
    const username = await this.session.probe().catch(() => undefined);
    if (username === null) {
      this.session.expire(
        'Your session has ended: it expired, or the server restarted. Please sign in again.',
      );
      await this.router.navigateByUrl(toLogin(this.router, this.router.url));
    }
  }
}
