/**
 * Just enough EventSource for the backend: listeners, readyState, open/error hooks. Specs
 * provide it through `EVENT_SOURCE_FACTORY` to drive the real `EventSourceBackend`.
 *
 * @example
 * const source = new FakeEventSource('/api/events', {});
 * source.open();
 * source.emit('notification', '{"n":1}', '1');
 * source.error(0); // a drop: the browser reconnects by itself
 */
export class FakeEventSource extends EventTarget {
  readyState = 0;
  onopen: ((event: Event) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;

  constructor(
    readonly url: string,
    readonly init: EventSourceInit,
  ) {
    super();
  }

  close(): void {
    this.readyState = 2;
  }

  open(): void {
    this.readyState = 1;
    this.onopen?.(new Event('open'));
  }

  emit(type: string, data: string, lastEventId = ''): void {
    this.dispatchEvent(new MessageEvent(type, { data, lastEventId }));
  }

  /** As a browser does: the handler and any `error` listeners get a plain Event. */
  error(readyState: 0 | 2): void {
    this.readyState = readyState;
    const event = new Event('error');
    this.onerror?.(event);
    this.dispatchEvent(event);
  }
}
