import type { SseBackendConnection, SseBackendHandlers, SseFailure, SseRequest } from 'ngx-sse';

/**
 * How `TestConnection.fail()` fails: an HTTP answer, a wrong content type, or (by default) the
 * network.
 *
 * @example
 * connection.fail({ status: 503, retryAfterMs: 2000 });
 */
export interface TestFailure {
  readonly status?: number;
  readonly retryAfterMs?: number;
  readonly contentType?: string;
}

/**
 * One connection attempt the client made, driven by the test as a server would drive it. It
 * feeds the real client: its state machine, backoff and resume all run. Acting on an attempt the
 * client already closed throws, as it would be a bug in the test.
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
  #cancelled = false;
  #lastEventId: string;
  readonly #handlers: SseBackendHandlers;

  /** @param request what the client asked for; @param handlers the client's side of the attempt. */
  constructor(
    readonly request: SseRequest,
    handlers: SseBackendHandlers,
  ) {
    this.types = new Set(request.types);
    this.#lastEventId = request.lastEventId;
    this.#handlers = handlers;
  }

  /** True once the client closed this attempt (teardown, reconnect or `close()`). */
  get cancelled(): boolean {
    return this.#cancelled;
  }

  /** The URL the client connected to. */
  get url(): string {
    return this.request.url;
  }

  /** The server accepted the stream (200, `text/event-stream`). */
  open(): void {
    this.#live('open').open();
  }

  /**
   * Sends one event. Objects are JSON-serialized; strings go as they are. The id persists until
   * a new one is sent. As the real transports do: on `fetch` every name reaches the client, on
   * `eventsource` only names it listens to (and `message`).
   */
  emit(type: string, data: unknown, id?: string): void {
    const handlers = this.#live('emit');
    if (id !== undefined) this.#lastEventId = id;
    const heard = this.request.transport === 'fetch' || type === 'message' || this.types.has(type);
    if (!heard) return;
    handlers.event(type, typeof data === 'string' ? data : JSON.stringify(data), this.#lastEventId);
  }

  /** A comment line (a heartbeat): liveness without an event. */
  comment(text = ''): void {
    this.#live('comment').alive(text);
  }

  /** The server's `retry:` field. */
  retry(ms: number): void {
    this.#live('retry').retry(ms);
  }

  /**
   * Fails the attempt: `{ status }` for an HTTP answer, `{ contentType }`, nothing for a network
   * error, or any backend failure as it is (`{ reason: 'refused' }`, `{ reason: 'too-large' }`…).
   */
  fail(failure: TestFailure | SseFailure = {}): void {
    const handlers = this.#live('fail');
    if ('reason' in failure) return handlers.error(failure);
    const { status, retryAfterMs, contentType } = failure;
    handlers.error(
      status !== undefined
        ? { reason: 'http', status, retryAfterMs }
        : contentType !== undefined
          ? { reason: 'bad-content-type', status: 200, detail: contentType }
          : { reason: 'network' },
    );
  }

  /** The server ended the body normally; the client reconnects, as the spec says. */
  end(): void {
    this.#live('end').error({ reason: 'ended' });
  }

  /** The client's side of this attempt: what the core calls to listen and to close it. */
  toBackendConnection(): SseBackendConnection {
    return {
      listen: (type) => this.types.add(type),
      unlisten: (type) => this.types.delete(type),
      close: () => (this.#cancelled = true),
    };
  }

  #live(action: string): SseBackendHandlers {
    if (this.#cancelled) {
      throw new Error(
        `ngx-sse/testing: ${action}() on a connection to ${this.url} that the client already closed. Take the current one with expectConnection().`,
      );
    }
    return this.#handlers;
  }
}
