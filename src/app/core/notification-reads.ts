import { HttpClient } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import { MatSnackBar } from '@angular/material/snack-bar';
import { sseResource } from 'ngx-sse';
import { firstValueFrom } from 'rxjs';

import { type AppEvents, type NotificationReadReply, errorMessage } from './api';
import { LiveStream } from './live-stream';
import { lastValue } from './resource-value';

// The server takes at most this many ids per request (mock-server/README.md).
const IDS_PER_REQUEST = 500;

const union = (set: ReadonlySet<string>, ids: readonly string[]): ReadonlySet<string> =>
  ids.every((id) => set.has(id)) ? set : new Set([...set, ...ids]);

/**
 * Which notifications the user has read. The server owns the read state: a mark here shows at
 * once, is posted, and reaches every other tab and device as the stream's `notification-read`;
 * the list loaded at sign-in carries it too. A mark the server refuses is undone, with a message.
 */
@Injectable({ providedIn: 'root' })
export class NotificationReads {
  private readonly http = inject(HttpClient);
  private readonly snackBar = inject(MatSnackBar);
  private readonly live = inject(LiveStream);
  private readonly streamed = sseResource<AppEvents, 'notification-read', ReadonlySet<string>>(
    () => this.live.request(),
    {
      event: 'notification-read',
      reduce: (ids, { data }) => union(ids, data.ids),
      initialValue: new Set(),
    },
  );
  private readonly streamedIds = lastValue<ReadonlySet<string>>(this.streamed, new Set());
  private readonly local = signal<ReadonlySet<string>>(new Set());

  /** The ids known to be read. */
  readonly ids = computed(() => {
    const local = this.local();
    return local.size ? union(this.streamedIds(), [...local]) : this.streamedIds();
  });

  /** Ids the server's list says are read (at sign-in, after a gap). */
  known(ids: readonly string[]): void {
    this.local.update((set) => union(set, ids));
  }

  /** Marks `ids` read here at once and on the server, so other tabs and devices follow. */
  async mark(ids: readonly string[]): Promise<void> {
    const read = this.ids();
    const fresh = ids.filter((id) => !read.has(id));
    if (!fresh.length) return;
    this.local.update((set) => union(set, fresh));
    try {
      for (let i = 0; i < fresh.length; i += IDS_PER_REQUEST) {
        const ids = fresh.slice(i, i + IDS_PER_REQUEST);
        await firstValueFrom(
          this.http.post<NotificationReadReply>('/api/notifications/read', { ids }),
        );
      }
    } catch (error) {
      // Those the server did mark come back on the stream; the rest show unread again.
      this.local.update((set) => new Set([...set].filter((id) => !fresh.includes(id))));
      this.snackBar.open(`Could not mark as read: ${errorMessage(error)}`, 'Dismiss', {
        duration: 6000,
        politeness: 'assertive',
      });
    }
  }

  /** Forgets the marks made here (on logout). */
  clear(): void {
    this.local.set(new Set());
  }
}
