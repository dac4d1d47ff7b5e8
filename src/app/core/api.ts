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
import type { ApiError } from '../../../mock-server/src/wire';

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
