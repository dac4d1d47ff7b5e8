/*
 * Public API surface of ngx-sse.
 */
export { SseBackend } from './lib/backend';
export type { SseBackendConnection, SseBackendHandlers, SseRequest } from './lib/backend';
export {
  DEFAULT_SSE_CONFIG,
  SSE_CONFIG,
  provideSse,
  sseFeature,
  withBatching,
  withCredentials,
  withDiagnosticsLog,
  withHeartbeatTimeout,
  withLastEventIdParam,
  withLinger,
  withReconnect,
} from './lib/config';
export type { SseBatching, SseConfig, SseFeature } from './lib/config';
export {
  EVENT_SOURCE_FACTORY,
  EventSourceBackend,
  withQueryParam,
} from './lib/event-source-backend';
export {
  FetchBackend,
  SSE_FETCH,
  SSE_FETCH_OPTIONS,
  parseRetryAfter,
  withFetchTransport,
} from './lib/fetch-backend';
export type { SseFetchOptions, SseHeaders } from './lib/fetch-backend';
export {
  SSE_DEFAULT_MAX_EVENT_SIZE,
  SseEventTooLargeError,
  SseParser,
} from './lib/parser/sse-parser';
export type { SseParsedEvent, SseParserHandlers, SseParserOptions } from './lib/parser/sse-parser';
export { DEFAULT_RECONNECT, failureReason, reconnectPolicy } from './lib/policy';
export type {
  SseFailure,
  SseReconnectDecision,
  SseReconnectOptions,
  SseReconnectPolicy,
} from './lib/policy';
export { SSE_SCHEDULER } from './lib/scheduler';
export type { SseScheduler } from './lib/scheduler';
export { SseClient } from './lib/sse-client';
export type { SseStreamOptions } from './lib/sse-client';
export { SseError, failureError } from './lib/sse-error';
export type { SseErrorInit, SseErrorKind } from './lib/sse-error';
export { SseStream } from './lib/stream';
export type { SseDefaultData } from './lib/stream';
export type {
  SseDeserializer,
  SseDiagnostics,
  SseEventMap,
  SseMessage,
  SseState,
  SseTransition,
} from './lib/types';
