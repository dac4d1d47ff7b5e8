import type { SseBackendConnection, SseBackendHandlers, SseFailure, SseRequest } from 'ngx-sse';

import { AttemptGuard } from './attempt-guard';
import { reportedFailure, reportedProblem } from './reported-failures';
import { ResumeIds } from './resume-ids';
import { failWhenUnsent, sentHeaders } from './sent-request';
import type { TestFailure } from './test-failure';
import { eventProblem, failureProblem, idProblem } from './wire-checks';

/**
 * One connection attempt the client made, driven by the test as a server would drive it. It
 * feeds the real client: its state machine, backoff and resume all run. Acting on an attempt the
 * client already closed throws, as it would be a bug in the test.
 *
 * @example
 * const connection = controller.expectConnection('/api/events');
 * connection.open();
 * connection.emit('notification', { title: 'Hi' }, '1');
 * connection.fail(); // a drop; a status goes to an attempt not yet open: fail({ status: 503 })
 */
export class TestConnection {
  /** Event names the client currently listens to. */
  readonly types: Set<string>;
  readonly #guard: AttemptGuard;
  readonly #ids: ResumeIds;
  readonly #handlers: SseBackendHandlers;
  readonly #sent: Promise<RequestInit> | undefined;

  /**
   * What the client asked for: URL, transport, resume id, names, and the stream's own fetch
   * settings (without `withFetchTransport()`'s defaults: {@link TestConnection.headers} merges them).
   */
  readonly request: SseRequest;

  /**
   * @param request what the client asked for; @param handlers the client's side of the attempt;
   * @param sent what the fetch transport would pass to `fetch()` for it (`provideSseTesting()`
   * computes it for every fetch attempt).
   */
  constructor(request: SseRequest, handlers: SseBackendHandlers, sent?: Promise<RequestInit>) {
    this.request = request;
    this.types = new Set(request.types);
    this.#guard = new AttemptGuard(request.url);
    this.#ids = new ResumeIds(request);
    this.#handlers = handlers;
    failWhenUnsent(sent, this.#guard, handlers);
    this.#sent = sent;
  }

  /** True once the client closed this attempt (teardown, reconnect or `close()`). */
  get cancelled(): boolean {
    return this.#guard.cancelled;
  }

  /** The URL the client connected to. */
  get url(): string {
    return this.request.url;
  }

  /**
   * The headers the fetch transport would send on this attempt, computed by the real
   * `FetchBackend` when the attempt started (header functions run then, as in production):
   * `withFetchTransport()`'s `headers`, the stream's own on top, `Accept` and, when resuming,
   * `Last-Event-ID`. Rejects when the transport would fail the attempt before sending it (a
   * header function throws, a value is invalid); the attempt then fails with that reason, as
   * it does in production, and acting on it throws. `fetch` attempts only: an `EventSource`
   * sends no headers of the app's. The defaults are those of the injector that holds
   * `provideSseTesting()`: a lazy route's own `withFetchTransport()` headers are not in them.
   *
   * @example
   * const headers = await controller.expectConnection('/api/events').headers();
   * expect(headers.get('Authorization')).toBe('Bearer t1');
   */
  headers(): Promise<Headers> {
    return sentHeaders(this.#sent, this.request.transport, this.#guard);
  }

  /** The server accepted the stream (200, `text/event-stream`). */
  open(): void {
    const guard = this.#live('open');
    if (guard.opened) guard.misuse('open() twice: an attempt is accepted once');
    guard.opened = true;
    this.#handlers.open();
  }

  /**
   * Sends one event. Objects are JSON-serialized; strings go as they are. The id persists until
   * a new one is sent. As the real transports do: on `fetch` every name reaches the client, on
   * `eventsource` only names it listens to (and `message`).
   */
  emit(type: string, data: unknown, id?: string): void {
    const handlers = this.#accepted('emit');
    this.#guard.check(eventProblem(type, data));
    if (id !== undefined) this.#setId('emit', id);
    const heard = this.request.transport === 'fetch' || type === 'message' || this.types.has(type);
    if (!heard) return;
    this.#ids.heard();
    handlers.event(type, typeof data === 'string' ? data : JSON.stringify(data), this.#ids.last);
  }

  /**
   * An `id:` field alone, with no data: the resume id changes without an event (a server's head
   * frame). The fetch transport reports it; a browser `EventSource` keeps it to itself.
   */
  id(id: string): void {
    const handlers = this.#accepted('id');
    const moved = id !== this.#ids.last;
    this.#setId('id', id);
    // As the fetch transport, which reports a resume id only when it moves.
    if (moved && this.request.transport === 'fetch') handlers.resume?.(id);
  }

  /** A comment line (a heartbeat): liveness without an event. */
  comment(text = ''): void {
    this.#accepted('comment').alive(text);
  }

  /** The server's `retry:` field. */
  retry(ms: number): void {
    const handlers = this.#accepted('retry');
    if (!Number.isInteger(ms) || ms < 0)
      this.#guard.misuse(`retry(${ms}): \`retry:\` carries digits only`);
    handlers.retry(ms);
  }

  /**
   * Fails the attempt: `{ status }` for an HTTP answer, `{ contentType }` (both only before
   * `open()`), nothing for a dropped connection (on `eventsource` the browser then reconnects by
   * itself, as {@link TestConnection.dropAndBrowserRetry}), or a backend failure as it is, one the request's
   * transport can report (`{ reason: 'too-large' }` on `fetch`, `{ reason: 'refused' }` on
   * `eventsource`…; any other throws, listing what that transport reports). On the `eventsource`
   * transport an HTTP answer or a wrong content type reaches the client as a browser reports it:
   * `refused`, without the status.
   *
   * @example
   * connection.fail({ status: 503, retryAfterMs: 2000 }); // fetch: http 503; eventsource: refused
   * connection.fail({ reason: 'too-large' }); // fetch only: an event over maxEventSize
   */
  fail(failure: TestFailure | SseFailure = {}): void {
    const guard = this.#live('fail');
    if ('reason' in failure) {
      guard.check(
        reportedProblem(failure, this.request.transport, guard.opened, this.#ids.libraryRetries),
      );
      // What an EventSource reports as it reconnects by itself: the same attempt opens again.
      if (failure.browserRetrying) guard.opened = false;
      return this.#handlers.error(failure);
    }
    guard.check(failureProblem(failure, guard.opened));
    const reported = reportedFailure(failure, this.request.transport);
    if (reported) this.#handlers.error(reported);
    else if (this.#ids.libraryRetries) this.#handlers.error({ reason: 'network' });
    else this.dropAndBrowserRetry();
  }

  /**
   * The connection drops and the browser's `EventSource` reconnects by itself, as a real one
   * does after a network error: the client shows `reconnecting` with `delayMs: null` and opens
   * no new connection; this attempt stands for the browser's retry, which the test answers with
   * `open()` (accepted, from the id returned here) or `fail({ status })` (refused: the library
   * then reconnects after its backoff). `eventsource` only: `fetch` has no browser retry.
   *
   * @returns the `Last-Event-ID` the browser sends on its retry (`''` before any id).
   * @example
   * connection.emit('notification', { n: 7 }, '7');
   * connection.dropAndBrowserRetry(); // '7': stream.state() is reconnecting, delayMs null
   * connection.open(); // the browser's retry was accepted: open again, same connection
   */
  dropAndBrowserRetry(): string {
    const guard = this.#live('dropAndBrowserRetry');
    guard.check(this.#ids.browserRetryProblem());
    this.fail({ reason: 'network', browserRetrying: true });
    return this.#ids.last;
  }

  /**
   * The server ended the body normally, and the client reconnects, as the spec says: on `fetch`
   * the library, after its backoff (reason `ended`); on `eventsource` the browser by itself, as
   * {@link TestConnection.dropAndBrowserRetry}.
   *
   * @example
   * connection.end(); // eventsource: reconnecting, delayMs null; then connection.open() again
   */
  end(): void {
    const handlers = this.#accepted('end');
    if (this.request.transport === 'fetch') handlers.error({ reason: 'ended' });
    else this.fail();
  }

  /** The client's side of this attempt: what the core calls to listen and to close it. */
  toBackendConnection(): SseBackendConnection {
    return {
      listen: (type) => this.types.add(type),
      unlisten: (type) => this.types.delete(type),
      close: () => (this.#guard.cancelled = true),
    };
  }

  #setId(action: string, id: string): void {
    this.#guard.check(idProblem(action, id));
    this.#ids.set(id);
  }

  #live(action: string): AttemptGuard {
    this.#guard.live(action);
    return this.#guard;
  }

  #accepted(action: string): SseBackendHandlers {
    this.#guard.accepted(action);
    return this.#handlers;
  }
}
