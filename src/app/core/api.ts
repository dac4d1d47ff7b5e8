/** Shapes of the mock server's REST and SSE payloads: one definition, shared with the server. */
export type {
  Ack,
  ApiError,
  AppEvents,
  ChatEvents,
  ChatRequest,
  EventId,
  HistoryReset,
  JobList,
  JobProgress,
  JobRequest,
  JobState,
  Level,
  ListedNotification,
  Metric,
  Notification,
  NotificationList,
  NotificationRead,
  NotificationReadReply,
  NotificationReadRequest,
  NotificationRequest,
  ResetReason,
  SessionBody,
  SessionStatus,
  Tick,
  TickEvents,
  Topic,
} from '../../../mock-server/src/wire';
import { HttpErrorResponse } from '@angular/common/http';

import type { ApiError } from '../../../mock-server/src/wire';

/** What a request that never got an answer (server down, network gone) tells the user. */
export const UNREACHABLE = 'Cannot reach the server: check the connection and try again';

/** What a 5xx from a proxy or gateway in front of the API means for the user. */
export const API_DOWN = 'the API may be down or restarting. Try again in a moment';

/**
 * A readable message for a failed HTTP call, preferring the server's `{ error, detail }`; a
 * validation error's detail is `{ field, message }`, so the user learns which field is wrong.
 * Without that body it says whether the server was unreachable or which status it answered
 * (an `HttpErrorResponse` is no `Error`, so it has no message of its own to fall back on). A 5xx
 * without it came from something in front of the API (the dev server's proxy answers 500 when the
 * API is down, a gateway 502 to 504), so the message says what that means and what to do.
 *
 * @example
 * errorMessage(new HttpErrorResponse({ status: 0 })); // 'Cannot reach the server: …'
 */
export function errorMessage(error: unknown): string {
  const body = (error as { error?: Partial<ApiError> } | null)?.error;
  if (body && typeof body.error === 'string') {
    const { detail } = body;
    const { field, message } =
      typeof detail === 'string'
        ? { field: undefined, message: detail }
        : ((detail ?? {}) as { field?: unknown; message?: unknown });
    if (typeof message !== 'string') return body.error;
    // "must not be blank" alone does not say which field; "… property 'title'" already does.
    const named = typeof field === 'string' && !message.includes(field);
    return named ? `${body.error} (${field}): ${message}` : `${body.error}: ${message}`;
  }
  if (error instanceof HttpErrorResponse) {
    if (error.status === 0) return UNREACHABLE;
    const answered = `The server answered ${error.status}${error.statusText ? ` ${error.statusText}` : ''}`;
    return error.status >= 500 ? `${answered} without the API's own error: ${API_DOWN}` : answered;
  }
  return error instanceof Error ? error.message : 'Request failed';
}
