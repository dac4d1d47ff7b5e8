/**
 * Where one `TestConnection` stands (accepted, closed by the client, failed before it was sent)
 * and the errors a test gets for acting on it out of turn: each is a bug in the test, so it
 * throws at once, naming the URL and what to do instead.
 *
 * @example
 * const guard = new AttemptGuard('/api/events');
 * guard.accepted('emit'); // throws: emit() before open() on /api/events …
 */
export class AttemptGuard {
  /** The test accepted the attempt (`open()`); an `EventSource`'s own retry clears it. */
  opened = false;
  /** The client closed the attempt (teardown, reconnect or `close()`). */
  cancelled = false;
  /** The fetch transport failed the attempt before sending it (its headers could not be built). */
  unsent = false;

  constructor(private readonly url: string) {}

  /** Throws `problem` as a misuse, if there is one. */
  check(problem: string | undefined): void {
    if (problem) this.misuse(problem);
  }

  /** Throws the kit's error for `what`, naming the URL. */
  misuse(what: string): never {
    throw new Error(`ngx-sse/testing: ${what} (on ${this.url}).`);
  }

  /** A server sends events, comments, `retry:` and the end of the body only on a stream it accepted. */
  accepted(action: string): void {
    this.live(action);
    if (!this.opened) {
      throw new Error(
        `ngx-sse/testing: ${action}() before open() on ${this.url}: a server sends these only on a stream it accepted. Call open() first.`,
      );
    }
  }

  /** Only an attempt that was sent and that the client still holds can be acted on. */
  live(action: string): void {
    if (this.unsent) {
      this.misuse(
        `${action}() on an attempt the fetch transport failed before sending it: its headers could not be built (see headers())`,
      );
    }
    if (this.cancelled) {
      throw new Error(
        `ngx-sse/testing: ${action}() on a connection to ${this.url} that the client already closed. Take the current one with expectConnection().`,
      );
    }
  }
}
