/*
 * Public API surface of ngx-sse.
 */
export { SseClient } from './lib/sse-client';
export type { SseStream, SseDefaultData } from './lib/sse-stream';
export { sseResource } from './lib/sse-resource';
export type {
  SseResourceMessage,
  SseResourceNeedsValueType,
  SseResourceOptions,
  SseResourceRef,
  SseResourceRequest,
} from './lib/sse-resource-types';
export type {
  SseCommonOptions,
  SseEventSourceOptions,
  SseFetchOptions,
  SseFetchRequestOptions,
  SseHeaders,
  SseStreamOptions,
  SseTransport,
} from './lib/options';
export type {
  SseAnyMessage,
  SseDeserializer,
  SseDiagnostics,
  SseEventMap,
  SseMessage,
  SseState,
  SseTransition,
} from './lib/types';
export type { SseFailure, SseReason } from './lib/reason';
export { SseError } from './lib/sse-error';
export type { SseErrorInit } from './lib/sse-error';

export { provideSse } from './lib/provide-sse';
export {
  withBatching,
  withCredentials,
  withDiagnosticsLog,
  withHeartbeatTimeout,
  withLastEventIdParam,
  withLinger,
  withMaxEventSize,
  withReconnect,
} from './lib/features';
export type { SseUnauthorizedHandler } from './lib/config';
export type { SseFeature } from './lib/sse-feature';
export type { SseBatching } from './lib/batching';
export { withFetchTransport } from './lib/with-fetch-transport';
export { FetchBackend, SSE_FETCH } from './lib/fetch-backend';
export type { SseFetchDefaults } from './lib/fetch-defaults';
export { withCrossTabSharing } from './lib/cross-tab/cross-tab-sharing';
export {
  SSE_CHANNEL_FACTORY,
  SSE_LOCK_MANAGER,
  SSE_PAGE_LIFECYCLE,
} from './lib/cross-tab/platform';
export type {
  SseChannel,
  SseChannelFactory,
  SseLockManager,
  SsePageLifecycle,
} from './lib/cross-tab/platform';
export { DEFAULT_RECONNECT, reconnectPolicy } from './lib/policy';
export type { SseReconnectDecision, SseReconnectOptions, SseReconnectPolicy } from './lib/policy';

export { SseBackend } from './lib/backend';
export type {
  SseBackendConnection,
  SseBackendDecorator,
  SseBackendHandlers,
  SseRequest,
  SseRole,
} from './lib/backend';
export { EVENT_SOURCE_FACTORY, EventSourceBackend } from './lib/event-source-backend';
export { SSE_SCHEDULER } from './lib/scheduler';
export type { SseScheduler } from './lib/scheduler';

export {
  SSE_DEFAULT_MAX_EVENT_SIZE,
  SseEventTooLargeError,
  SseParser,
} from './lib/parser/sse-parser';
export type { SseParsedEvent, SseParserHandlers, SseParserOptions } from './lib/parser/sse-parser';

// Internal, for ngx-sse/testing only (Angular's ɵ convention): not covered by semver.
export { mimeEssence as ɵmimeEssence } from './lib/mime';
