import type { SseRequest } from 'ngx-sse';

/**
 * The ids of one `TestConnection`: the last event id its server set, and the id of the last
 * event the page heard. The EventSource transport reads the latter to tell whether its URL's
 * resume id went stale (a reset), which makes a drop the library's to retry, not the browser's.
 *
 * @example
 * const ids = new ResumeIds(request);
 * ids.set('7');
 * ids.heard(); // the page saw an event with id '7'
 */
export class ResumeIds {
  #last: string;
  #heard = '';
  #heardAnId = false;

  constructor(private readonly request: SseRequest) {
    // A browser's EventSource starts with an empty id even when the URL's query resumes from
    // one; the fetch transport's parser starts from the resume id it sends.
    this.#last = request.transport === 'eventsource' ? '' : request.lastEventId;
  }

  /** The id the next event carries, and the one a browser's retry resumes from. */
  get last(): string {
    return this.#last;
  }

  /** The server set a new id (on an event, or alone). */
  set(id: string): void {
    this.#last = id;
  }

  /** An event reached the page, with the last id. */
  heard(): void {
    if ((this.#heard = this.#last)) this.#heardAnId = true;
  }

  /**
   * On `eventsource`, whether a drop is the library's to retry, not the browser's: the URL carries
   * a resume id (the request's) and the events showed the server reset the browser's own id.
   */
  get libraryRetries(): boolean {
    return (
      this.request.transport === 'eventsource' &&
      this.request.lastEventId !== '' &&
      this.#heardAnId &&
      this.#heard === ''
    );
  }

  /** Why the browser could not retry a drop by itself here, or `undefined`. */
  browserRetryProblem(): string | undefined {
    if (this.request.transport !== 'eventsource') {
      return 'dropAndBrowserRetry() on fetch: only an EventSource reconnects by itself; fail() is a drop the library reconnects from';
    }
    if (this.libraryRetries) {
      return "dropAndBrowserRetry() after the server reset the id on a stream that resumed through its URL's query: the browser would resume from that stale id, so the library reconnects by itself; fail() is that drop";
    }
    return undefined;
  }
}
