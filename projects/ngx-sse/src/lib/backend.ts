import type { SseFailure } from './policy';

/**
 * Everything a backend needs to open one connection attempt.
 *
 * `lastEventId` is `''` on a first connection and the last seen id on the library's own
 * reconnects, so the backend can resume (a header, or `lastEventIdParam` in the query).
 */
export interface SseRequest {
  readonly url: string;
  readonly withCredentials: boolean;
  readonly lastEventId: string;
  readonly lastEventIdParam: string;
  /** Event names with subscribers when the attempt starts; later changes arrive via `listen`. */
  readonly types: readonly string[];
  /** Transport-specific settings (method, headers, body for the fetch transport). */
  readonly init?: unknown;
}

/** The callbacks through which a backend reports one connection attempt. */
export interface SseBackendHandlers {
  open(): void;
  event(type: string, data: string, lastEventId: string): void;
  /** The server's `retry:` field, when the transport can see it. */
  retry(ms: number): void;
  /** Liveness without an event (a comment, a heartbeat, any bytes). */
  alive(): void;
  error(failure: SseFailure): void;
  /** The backend stopped on purpose (the page is hidden) and will call `open()` when it resumes. */
  pause(): void;
}

/** One live connection attempt, as the core controls it. */
export interface SseBackendConnection {
  /** Start delivering events of `type` (the core calls it once per newly subscribed name). */
  listen(type: string): void;
  /** Stop delivering events of `type` (its last subscriber left). */
  unlisten(type: string): void;
  /** Close for good: no callback may fire afterwards. */
  close(): void;
}

/**
 * The transport seam, as `HttpBackend` is for `HttpClient`. `EventSourceBackend` is the default;
 * `provideSseTesting()` swaps in a controllable one.
 *
 * @example
 * class LoggingBackend extends SseBackend {
 *   constructor(private inner: SseBackend) { super(); }
 *   connect(request: SseRequest, handlers: SseBackendHandlers) {
 *     console.log('connect', request.url);
 *     return this.inner.connect(request, handlers);
 *   }
 * }
 */
export abstract class SseBackend {
  abstract connect(request: SseRequest, handlers: SseBackendHandlers): SseBackendConnection;
}
