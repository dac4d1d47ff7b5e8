import type { SseFetchRequestOptions, SseTransport } from './options';
import type { SseFailure } from './reason';

/**
 * Everything a backend needs to open one connection attempt.
 *
 * `lastEventId` is the resume id (`''` on a fresh start without one); a backend sends it as
 * `Last-Event-ID` or, with `EventSource`, in the `lastEventIdParam` query parameter.
 *
 * @example
 * const request: SseRequest = controller.expectConnection('/api/events').request;
 * expect(request.lastEventId).toBe('41');
 */
export interface SseRequest {
  /** The stream's URL, as given to `stream()`. */
  readonly url: string;
  /** Which transport the stream asked for. */
  readonly transport: SseTransport;
  /** Send cookies cross-origin. */
  readonly withCredentials: boolean;
  /** The id to resume from (`''`: none). */
  readonly lastEventId: string;
  /** The query parameter that carries `lastEventId` with `EventSource`. */
  readonly lastEventIdParam: string;
  /** The largest event, in UTF-16 code units, before `too-large`. */
  readonly maxEventSize: number;
  /** Event names with subscribers when the attempt starts; later changes arrive via `listen`. */
  readonly types: readonly string[];
  /** Fetch settings of the stream (empty for `EventSource`). */
  readonly fetch: SseFetchRequestOptions;
}

/**
 * The callbacks through which a backend reports one connection attempt.
 *
 * @example
 * handlers.open();
 * handlers.event('notification', '{"title":"Hi"}', '1');
 */
export interface SseBackendHandlers {
  /** The server accepted the attempt (a 200 `text/event-stream`). */
  open(): void;
  /** One event, with its name (`message` by default), raw data and the resume id after it. */
  event(type: string, data: string, lastEventId: string): void;
  /** The server's `retry:` field, when the transport can see it. */
  retry(ms: number): void;
  /** Liveness without an event: a comment line (its text) or any bytes (`undefined`). */
  alive(comment?: string): void;
  /**
   * The stream's last event id moved without an event (an `id:` line on its own, such as a
   * server's resume point in its first frame): the next attempt resumes from it.
   */
  resume?(lastEventId: string): void;
  /** The attempt failed or ended; the core's policy decides what follows. */
  error(failure: SseFailure): void;
  /** Which tab holds the real connection, for a backend shared across tabs. */
  role?(role: SseRole): void;
}

/**
 * Which tab holds a connection shared across tabs: `leader` has the real one, `follower`
 * receives the leader's events; `solo` when nothing is shared.
 *
 * @example
 * ```html
 * @if (stream.diagnostics().role === 'follower') { <span>via another tab</span> }
 * ```
 */
export type SseRole = 'solo' | 'leader' | 'follower';

/**
 * Wraps the backend of a stream's connection, as `withCrossTabSharing()` does; `key` identifies
 * the connection (URL and options) across tabs.
 *
 * @example
 * class Logging implements SseBackendDecorator {
 *   decorate(backend: SseBackend, key: string): SseBackend { return backend; }
 * }
 */
export interface SseBackendDecorator {
  /** The backend the connection keyed `key` uses instead of `backend`. */
  decorate(backend: SseBackend, key: string): SseBackend;
}

/**
 * One live connection attempt, as the core controls it.
 *
 * @example
 * const attempt = backend.connect(request, handlers);
 * attempt.listen('job-progress');
 * attempt.close(1000); // the core's next attempt starts in 1 s
 */
export interface SseBackendConnection {
  /** Start delivering events of `type` (the core calls it once per newly subscribed name). */
  listen(type: string): void;
  /** Stop delivering events of `type` (its last subscriber left). */
  unlisten(type: string): void;
  /**
   * Close this attempt: no callback may fire afterwards. `retryInMs` is set when the core closes
   * it to retry, and says when the next attempt starts, so a backend that holds resources across
   * attempts (the leader of a connection shared across tabs) knows how long to keep them.
   */
  close(retryInMs?: number): void;
}

/**
 * The transport seam, as `HttpBackend` is for `HttpClient`. Without a provider the client picks
 * the backend of each stream's `transport` (`EventSourceBackend` by default); providing
 * `SseBackend` replaces every transport, which is how `provideSseTesting()` works.
 *
 * A replacement must honour `request.transport` (hand fetch streams to `FetchBackend`, or their
 * method, headers and body are lost), and serves the streams of the injector it is provided in:
 * provide it next to `provideSse(withFetchTransport(...))`, in the same providers, so it injects
 * that injector's `FetchBackend` with its defaults. In tests, `provideSseTesting()` provides
 * `SseBackend` itself: a decorator provided after it replaces the kit.
 *
 * @example
 * @Injectable()
 * class LoggingBackend extends SseBackend {
 *   private readonly eventSource = inject(EventSourceBackend);
 *   private readonly fetch = inject(FetchBackend);
 *   connect(request: SseRequest, handlers: SseBackendHandlers) {
 *     console.log('connect', request.transport, request.url);
 *     const inner = request.transport === 'fetch' ? this.fetch : this.eventSource;
 *     return inner.connect(request, handlers);
 *   }
 * }
 * providers: [provideSse(withFetchTransport()), { provide: SseBackend, useClass: LoggingBackend }]
 */
export abstract class SseBackend {
  /** Starts one connection attempt for `request`, reporting through `handlers` until closed. */
  abstract connect(request: SseRequest, handlers: SseBackendHandlers): SseBackendConnection;
}
