// What the cases share: a client and an event map, declared rather than built (nothing runs).
import type { SseClient } from 'ngx-sse';

export interface Notification {
  readonly title: string;
}

export interface JobProgress {
  readonly percent: number;
}

/** The event map the cases stream, as an app would declare it. */
export interface AppEvents {
  readonly notification: Notification;
  readonly 'job-progress': JobProgress;
  readonly message: string;
}

export declare const client: SseClient;
