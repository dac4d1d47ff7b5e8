import { HttpClient } from '@angular/common/http';
import { Injectable, computed, effect, inject, signal, untracked } from '@angular/core';
import { MatSnackBar } from '@angular/material/snack-bar';
import { sseResource } from 'ngx-sse';
import { firstValueFrom } from 'rxjs';

import { BurstThrottle } from '../shared/burst-throttle';
import type { AppEvents, Level, Notification, NotificationList } from './api';
import { LiveStream } from './live-stream';
import { LoadState } from './load-state';
import { NotificationReads } from './notification-reads';
import { lastValue } from './resource-value';
import { Session } from './session';

export interface NotificationItem extends Notification {
  read: boolean;
}

export interface ComposeNotification {
  level: Level;
  title: string;
  message: string;
}

// Enough for any session; older items drop off so a long-running tab stays small.
const MAX_ITEMS = 1000;

/**
 * Notifications, newest first: what arrived over SSE, plus what the REST API returned (the
 * list at sign-in and after a gap, and the reply to a post). An item can arrive by both ways; it
 * is kept once, by id.
 */
@Injectable({ providedIn: 'root' })
export class NotificationStore {
  private readonly http = inject(HttpClient);
  private readonly snackBar = inject(MatSnackBar);
  private readonly live = inject(LiveStream);
  private readonly streamed = sseResource<AppEvents, 'notification', Notification[]>(
    () => this.live.request(),
    {
      event: 'notification',
      reduce: (list, { data }) => [data, ...list].slice(0, MAX_ITEMS),
      initialValue: [],
    },
  );
  private readonly streamedItems = lastValue(this.streamed, []);
  private readonly fetched = signal<Notification[]>([]);
  private readonly reads = inject(NotificationReads);
  private readonly announced = new Set<string>();
  private readonly loading = new LoadState();
  /** Why the last load of the list failed, or null: the page says so, with a Retry. */
  readonly loadError = this.loading.error.asReadonly();
  /** Whether the list is being loaded (at sign-in, on Retry, after a gap). */
  readonly loadPending = this.loading.pending;
  /** Loading with nothing listed yet: pages say "loading", not "none". */
  readonly loadingEmpty = computed(() => this.loadPending() && !this.items().length);

  readonly items = computed<NotificationItem[]>(() => {
    const byId = new Map<string, Notification>();
    for (const item of [...this.streamedItems(), ...this.fetched()]) {
      if (!byId.has(item.id)) byId.set(item.id, item);
    }
    const read = this.reads.ids();
    return [...byId.values()]
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
      .slice(0, MAX_ITEMS)
      .map((item) => ({ ...item, read: read.has(item.id) }));
  });
  readonly unread = computed(() => this.items().filter((item) => !item.read).length);
  /** The latest announcement for the `aria-live` region. */
  readonly announcement = signal('');
  // A burst (a load test, a replay after a reconnect) is said once per window, not per item.
  private readonly errors = new BurstThrottle<Notification>((batch) =>
    this.snackBar.open(summary(batch, 'Error notification'), 'Dismiss', {
      duration: 6000,
      politeness: 'assertive',
    }),
  );
  private readonly others = new BurstThrottle<Notification>((batch) =>
    this.announcement.set(
      summary(batch, `${batch[0].level.toLowerCase()} notification`, 'notification'),
    ),
  );

  constructor() {
    const session = inject(Session);
    effect(() => {
      if (session.user()) untracked(() => this.reload());
      else untracked(() => this.clear());
    });
    effect(() => {
      const fresh = this.streamedItems().filter((item) => !this.announced.has(item.id));
      untracked(() => fresh.reverse().forEach((item) => this.announce(item)));
    });
  }

  /** Posts a notification; the server's reply is shown at once, before the SSE copy arrives. */
  async post(compose: ComposeNotification): Promise<Notification> {
    const created = await firstValueFrom(
      this.http.post<Notification>('/api/notifications', compose),
    );
    // The stream's copy may have come first and been announced already.
    if (!this.announced.has(created.id)) this.announce(created);
    this.fetched.update((items) => [created, ...items]);
    return created;
  }

  /**
   * Reloads the list from the server (after the stream reported a gap); rejects when it fails,
   * and `loadError` says why.
   */
  refresh(): Promise<void> {
    return this.loading.run(async () => {
      const list = this.http.get<NotificationList>('/api/notifications');
      const { items } = await firstValueFrom(list);
      items.forEach((item) => this.announced.add(item.id));
      this.fetched.set(items);
      this.reads.known(items.filter((item) => item.read).map((item) => item.id));
    });
  }

  /** Loads the list (at sign-in, on Retry); a failure shows in `loadError` only. */
  reload(): void {
    // Recorded in loadError: nothing is lost by not rethrowing, and nothing goes uncaught.
    this.refresh().catch(() => undefined);
  }

  /** Marks one read, in every tab and device of the user. */
  markRead(id: string): void {
    void this.reads.mark([id]);
  }

  markAllRead(): void {
    void this.reads.mark(this.items().flatMap((item) => (item.read ? [] : [item.id])));
  }

  /** Forgets everything (on logout). */
  clear(): void {
    this.fetched.set([]);
    this.reads.clear();
    this.announced.clear();
    this.loading.clear();
    this.errors.clear();
    this.others.clear();
    // The last user's title must not stay in the live region of the login page.
    this.announcement.set('');
  }

  /** Says a new notification once: errors by the assertive snack bar, others politely. */
  private announce(notification: Notification): void {
    this.announced.add(notification.id);
    (notification.level === 'ERROR' ? this.errors : this.others).push(notification);
  }
}

/**
 * One notification as `${what}: title`, several as their count and the latest title. Said like
 * the polite announcement: a bare title would not tell what popped up.
 */
function summary(batch: readonly Notification[], what: string, plural = what): string {
  const latest = batch[batch.length - 1];
  if (batch.length === 1) return `${what}: ${latest.title}`;
  return `${batch.length} new ${plural.toLowerCase()}s, the latest: ${latest.title}`;
}
