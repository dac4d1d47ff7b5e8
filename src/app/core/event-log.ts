import { Injectable, computed, inject } from '@angular/core';
import { type SseResourceRequest, sseResource } from 'ngx-sse';

import type { AppEvents } from './api';
import { LiveStream } from './live-stream';
import { lastValue } from './resource-value';

export interface LogEntry {
  seq: number;
  receivedAt: number;
  type: string;
  lastEventId: string;
  /** The payload as the server sent it, shown verbatim (never as HTML). */
  data: string;
}

/** Entries kept for the diagnostics page's raw log. */
export const LOG_LIMIT = 5000;

/** Every name of the stream with its data as text: the log shows what arrived, unparsed. */
type RawEvents = { [K in keyof AppEvents]: string };

/** The live request, delivering every payload as text (same connection: a per-handle option). */
function asText(request: SseResourceRequest | undefined): SseResourceRequest | undefined {
  if (request === undefined) return undefined;
  return typeof request === 'string'
    ? { url: request, deserialize: 'text' }
    : { ...request, deserialize: 'text' };
}

/** Every event of the stream, of any name, newest first, bounded to the last 5,000. */
@Injectable({ providedIn: 'root' })
export class EventLog {
  private readonly buffer: LogEntry[] = [];
  // Its own counter: the resource's value starts over after a logout, the log does not.
  private seq = 0;
  private readonly live = inject(LiveStream);
  // The any-event resource: names the dashboard does not know yet are logged too (fetch).
  private readonly log = sseResource<RawEvents, keyof RawEvents & string, number>(
    () => asText(this.live.request()),
    {
      reduce: (_, { type, lastEventId, receivedAt, data }) => {
        const seq = ++this.seq;
        this.buffer.push({ seq, receivedAt, type, lastEventId, data });
        // Trimmed in bulk, not per event: `entries` shows only the last LOG_LIMIT anyway.
        if (this.buffer.length >= 2 * LOG_LIMIT) this.buffer.splice(0, LOG_LIMIT);
        return seq;
      },
      initialValue: 0,
    },
  );
  private readonly revision = lastValue(this.log, 0);

  readonly entries = computed(() => {
    this.revision();
    return this.buffer.slice(-LOG_LIMIT).reverse();
  });
}
