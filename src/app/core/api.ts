/** Shapes of the mock server's REST and SSE payloads (see the README's mock server section). */
export type Level = 'INFO' | 'WARNING' | 'ERROR';
export type JobState = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

export interface Notification {
  id: string;
  level: Level;
  title: string;
  message: string;
  /** ISO 8601. */
  createdAt: string;
}

export interface JobProgress {
  jobId: string;
  name: string;
  percent: number;
  state: JobState;
  etaMs: number;
}

export interface Metric {
  name: string;
  value: number;
  /** Epoch ms when the server sent it. */
  at: number;
}

export interface Ack {
  requestId: string;
  resource: 'notification' | 'job';
  id: string;
  at: number;
}

export interface HistoryReset {
  reason: string;
  lastEventId: string;
  oldestAvailableId: string;
}

/** The named events of `/api/events`, for `SseClient.stream<AppEvents>()`. */
export interface AppEvents {
  notification: Notification;
  'job-progress': JobProgress;
  metric: Metric;
  ack: Ack;
  reset: HistoryReset;
}

/** The JSON error body every 4xx of the mock server has. */
export interface ApiError {
  error: string;
  detail?: unknown;
}

/**
 * A readable message for a failed HTTP call, preferring the server's `{ error, detail }`; a
 * validation error's detail is `{ field, message }`, so the user learns which field is wrong.
 */
export function errorMessage(error: unknown): string {
  const body = (error as { error?: Partial<ApiError> } | null)?.error;
  if (body && typeof body.error === 'string') {
    const { detail } = body;
    const message =
      typeof detail === 'string' ? detail : (detail as { message?: unknown })?.message;
    return typeof message === 'string' ? `${body.error}: ${message}` : body.error;
  }
  return error instanceof Error ? error.message : 'Request failed';
}
