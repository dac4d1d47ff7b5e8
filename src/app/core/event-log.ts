import { Injectable, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { merge } from 'rxjs';

import type { AppEvents } from './api';
import { LiveStream } from './live-stream';

export interface LogEntry {
  seq: number;
  receivedAt: number;
  type: string;
  lastEventId: string;
  /** The payload as JSON text, shown verbatim (never as HTML). */
  data: string;
}

/** Entries kept for the diagnostics page's raw log. */
export const LOG_LIMIT = 5000;

const TYPES: (keyof AppEvents)[] = ['notification', 'job-progress', 'metric', 'ack', 'reset'];

/** Every event of the stream, newest first, bounded to the last 5,000. */
@Injectable({ providedIn: 'root' })
export class EventLog {
  private readonly buffer: LogEntry[] = [];
  private readonly revision = signal(0);
  private seq = 0;

  readonly entries = computed(() => {
    this.revision();
    return [...this.buffer].reverse();
  });

  constructor() {
    const live = inject(LiveStream);
    merge(...TYPES.map((type) => live.on(type)))
      .pipe(takeUntilDestroyed())
      .subscribe(({ type, lastEventId, receivedAt, data }) => {
        this.buffer.push({
          seq: ++this.seq,
          receivedAt,
          type,
          lastEventId,
          data: JSON.stringify(data),
        });
        if (this.buffer.length > LOG_LIMIT) this.buffer.splice(0, this.buffer.length - LOG_LIMIT);
        this.revision.update((n) => n + 1);
      });
  }
}
