import type { SseBackendConnection, SseBackendHandlers, SseFailure, SseRequest } from 'ngx-sse';

/** How `TestConnection.fail()` fails: an HTTP answer, a wrong content type, or (by default) the network. */
export interface TestFailure {
  readonly status?: number;
  readonly retryAfterMs?: number;
  readonly contentType?: string;
}

/**
 * One connection attempt the client made, driven by the test as a server would drive it.
 * It feeds the real client: its state machine, backoff and resume all run.
 *
 * @example
 * const connection = controller.expectConnection('/api/events');
 * connection.open();
 * connection.emit('notification', { title: 'Hi' }, '1');
 * connection.fail({ status: 503 });
 */
export class TestConnection {
  /** Event names the client currently listens to. */
  readonly types: Set<string>;
  /** True once the client closed this attempt (teardown, reconnect or `close()`). */
  cancelled = false;
  private lastEventId: string;

  constructor(
    readonly request: SseRequest,
    private readonly handlers: SseBackendHandlers,
  ) {
    this.types = new Set(request.types);
    this.lastEventId = request.lastEventId;
  }

  get url(): string {
    return this.request.url;
  }

  /** The server accepted the stream (200, `text/event-stream`). */
  open(): void {
    this.handlers.open();
  }

  /**
   * Sends one event. Objects are JSON-serialized; strings go as they are. Like a browser, the
   * client only receives names it listens to, and the id persists until a new one is sent.
   */
  emit(type: string, data: unknown, id?: string): void {
    if (id !== undefined) this.lastEventId = id;
    if (!this.types.has(type)) return;
    this.handlers.event(
      type,
      typeof data === 'string' ? data : JSON.stringify(data),
      this.lastEventId,
    );
  }

  /** A comment line (a heartbeat): liveness without an event. */
  comment(): void {
    this.handlers.alive();
  }

  /** The server's `retry:` field. */
  retry(ms: number): void {
    this.handlers.retry(ms);
  }

  /**
   * Fails the attempt: `{ status }` for an HTTP answer, `{ contentType }`, nothing for a network
   * error, or any backend failure as it is (`{ kind: 'refused' }`, `{ kind: 'too-large' }`…).
   */
  fail(failure: TestFailure | SseFailure = {}): void {
    if ('kind' in failure) {
      this.handlers.error(failure);
      return;
    }
    const { status, retryAfterMs, contentType } = failure;
    let reported: SseFailure = { kind: 'network' };
    if (status !== undefined) reported = { kind: 'http', status, retryAfterMs };
    else if (contentType !== undefined) reported = { kind: 'content-type', contentType };
    this.handlers.error(reported);
  }

  /** The transport paused on purpose (a hidden page); `open()` resumes it. */
  pause(): void {
    this.handlers.pause();
  }

  /** The server ended the body normally; the client reconnects, as the spec says. */
  close(): void {
    this.handlers.error({ kind: 'ended' });
  }

  /** The client's side of this attempt: what the core calls to listen and to close it. */
  toBackendConnection(): SseBackendConnection {
    return {
      listen: (type) => this.types.add(type),
      unlisten: (type) => this.types.delete(type),
      close: () => (this.cancelled = true),
    };
  }
}
