import {
  type EnvironmentProviders,
  Injectable,
  inject,
  makeEnvironmentProviders,
} from '@angular/core';
import {
  EventSourceBackend,
  FetchBackend,
  SseBackend,
  type SseBackendConnection,
  type SseBackendHandlers,
  type SseRequest,
  withBatching,
} from 'ngx-sse';

import { SseTestingController } from './sse-testing-controller';
import { TestConnection } from './test-connection';

/** The backend `provideSseTesting()` installs: every attempt becomes a `TestConnection`. */
@Injectable()
export class SseTestingBackend extends SseBackend {
  private readonly controller = inject(SseTestingController);

  connect(request: SseRequest, handlers: SseBackendHandlers): SseBackendConnection {
    const connection = new TestConnection(request, handlers);
    this.controller.register(connection);
    return connection.toBackendConnection();
  }
}

/**
 * Swaps every transport for a controllable one and provides `SseTestingController`.
 * Deliveries are synchronous (`withBatching('sync')`), so tests need no async flushing;
 * a later `provideSse(withBatching(...))` overrides that.
 *
 * @example
 * TestBed.configureTestingModule({ providers: [provideSseTesting()] });
 * const controller = TestBed.inject(SseTestingController);
 */
export function provideSseTesting(): EnvironmentProviders {
  return makeEnvironmentProviders([
    SseTestingController,
    SseTestingBackend,
    { provide: SseBackend, useExisting: SseTestingBackend },
    // Streams that pick a transport explicitly (`backend: inject(FetchBackend)`) are captured too.
    { provide: EventSourceBackend, useExisting: SseTestingBackend },
    { provide: FetchBackend, useExisting: SseTestingBackend },
    ...withBatching('sync').ɵproviders,
  ]);
}
