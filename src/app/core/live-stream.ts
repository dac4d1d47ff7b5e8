import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { Injectable, computed, effect, inject, signal, untracked } from '@angular/core';
import { Router } from '@angular/router';
import { FetchBackend, SseClient, type SseMessage, type SseState, type SseStream } from 'ngx-sse';
import { BehaviorSubject, EMPTY, type Observable, firstValueFrom, switchMap } from 'rxjs';

import type { AppEvents } from './api';
import { Session } from './session';

export type Transport = 'native' | 'fetch';

const IDLE: SseState = { status: 'idle' };

/**
 * The dashboard's one stream, `/api/events`: opened after login, closed on logout, reopened when
 * the transport settings change. Stores subscribe through `on()`, which follows the current handle.
 */
@Injectable({ providedIn: 'root' })
export class LiveStream {
  private readonly client = inject(SseClient);
  private readonly fetchBackend = inject(FetchBackend);
  private readonly session = inject(Session);
  private readonly router = inject(Router);
  private readonly http = inject(HttpClient);
  private readonly live$ = new BehaviorSubject<SseStream<AppEvents> | null>(null);

  /** `fetch` shows HTTP statuses and heartbeat comments; `native` is the browser's EventSource. */
  readonly transport = signal<Transport>('fetch');
  /** Reconnect after this long without bytes (fetch only: EventSource hides heartbeat comments). */
  readonly heartbeatTimeoutMs = signal(45_000);
  /** The current handle; kept after logout so diagnostics still show the teardown. */
  readonly handle = signal<SseStream<AppEvents> | null>(null);
  readonly state = computed(() => this.handle()?.state() ?? IDLE);
  readonly diagnostics = computed(() => this.handle()?.diagnostics() ?? null);

  constructor() {
    effect(() => {
      const signedIn = this.session.user() !== null;
      untracked(() => (signedIn ? this.open() : this.close()));
    });
    effect(() => {
      const state = this.state();
      // With EventSource a 401 only shows as "refused"; ask the server whether the session is gone.
      const suspicious =
        (state.status === 'closed' && state.reason === 'unauthorized') ||
        (state.status === 'reconnecting' && state.reason === 'refused');
      if (suspicious) untracked(() => void this.checkSession());
    });
  }

  /** Events named `type` from the current stream; follows reconnects with new settings. */
  on<K extends keyof AppEvents & string>(type: K): Observable<SseMessage<AppEvents[K]>> {
    return this.live$.pipe(switchMap((handle) => (handle ? handle.on(type) : EMPTY)));
  }

  /** Switches transport or heartbeat timeout; an open stream reopens with them. */
  configure(transport: Transport, heartbeatTimeoutMs: number): void {
    this.transport.set(transport);
    this.heartbeatTimeoutMs.set(heartbeatTimeoutMs);
    if (this.live$.value) {
      this.close();
      this.open();
    }
  }

  private open(): void {
    const fetch = this.transport() === 'fetch';
    const handle = this.client.stream<AppEvents>('/api/events', {
      backend: fetch ? this.fetchBackend : undefined,
      heartbeatTimeoutMs: fetch ? this.heartbeatTimeoutMs() : 0,
    });
    this.handle.set(handle);
    this.live$.next(handle);
  }

  private close(): void {
    // Close before unsubscribing, so the connection ends now (reason `closed`), not after the linger.
    this.live$.value?.close();
    this.live$.next(null);
  }

  private async checkSession(): Promise<void> {
    try {
      await firstValueFrom(this.http.get('/api/session'));
    } catch (error) {
      if (error instanceof HttpErrorResponse && error.status === 401) {
        this.session.expire('Your session has expired. Please sign in again.');
        await this.router.navigate(['/login']);
      }
    }
  }
}
