import { HttpClient } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatSnackBar } from '@angular/material/snack-bar';
import { firstValueFrom } from 'rxjs';

import type { Level, Notification } from './api';
import { LiveStream } from './live-stream';

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
 * Notifications, newest first. An item can arrive twice (the REST reply, then the same item over
 * SSE); it is kept once, by id.
 */
@Injectable({ providedIn: 'root' })
export class NotificationStore {
  private readonly http = inject(HttpClient);
  private readonly snackBar = inject(MatSnackBar);
  private readonly list = signal<NotificationItem[]>([]);

  readonly items = this.list.asReadonly();
  readonly unread = computed(() => this.list().filter((item) => !item.read).length);
  /** The latest announcement for the `aria-live` region. */
  readonly announcement = signal('');

  constructor() {
    inject(LiveStream)
      .on('notification')
      .pipe(takeUntilDestroyed())
      .subscribe(({ data }) => this.add(data));
  }

  /** Posts a notification; the server's reply is shown at once, before the SSE copy arrives. */
  async post(compose: ComposeNotification): Promise<Notification> {
    const created = await firstValueFrom(
      this.http.post<Notification>('/api/notifications', compose),
    );
    this.add(created);
    return created;
  }

  markRead(id: string): void {
    this.list.update((items) =>
      items.map((item) => (item.id === id ? { ...item, read: true } : item)),
    );
  }

  markAllRead(): void {
    this.list.update((items) => items.map((item) => (item.read ? item : { ...item, read: true })));
  }

  /** Forgets everything (on logout). */
  clear(): void {
    this.list.set([]);
  }

  private add(notification: Notification): void {
    if (this.list().some((item) => item.id === notification.id)) return;
    this.list.update((items) => [{ ...notification, read: false }, ...items].slice(0, MAX_ITEMS));
    this.announcement.set(
      `${notification.level.toLowerCase()} notification: ${notification.title}`,
    );
    if (notification.level === 'ERROR') {
      this.snackBar.open(notification.title, 'Dismiss', {
        duration: 6000,
        politeness: 'assertive',
      });
    }
  }
}
