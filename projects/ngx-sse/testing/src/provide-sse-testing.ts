import {
  type EnvironmentProviders,
  Injectable,
  Injector,
  inject,
  makeEnvironmentProviders,
} from '@angular/core';
import {
  SSE_LOCK_MANAGER,
  SseBackend,
  type SseBackendConnection,
  type SseBackendHandlers,
  type SseRequest,
  provideSse,
  withBatching,
} from 'ngx-sse';

import { probeFetchInit } from './fetch-probe';
import { SseTestingController, recordConnection } from './sse-testing-controller';
import { TestConnection } from './test-connection';

/** Every attempt of every transport becomes a `TestConnection`; `request.transport` says which. */
@Injectable()
class SseTestingBackend extends SseBackend {
  private readonly controller = inject(SseTestingController);
  private readonly injector = inject(Injector);

  connect(request: SseRequest, handlers: SseBackendHandlers): SseBackendConnection {
    // Now, as the fetch transport evaluates header functions when an attempt starts.
    const sent = request.transport === 'fetch' ? probeFetchInit(this.injector, request) : undefined;
    const connection = new TestConnection(request, handlers, sent);
    recordConnection(this.controller, connection);
    return connection.toBackendConnection();
  }
}

/**
 * Replaces every transport with a controllable one and provides `SseTestingController`, as
 * `provideHttpClientTesting()` does. Deliveries are synchronous (`withBatching('sync')`), so
 * tests need no flushing; a `provideSse(withBatching(...))` after it overrides that. Streams are
 * not shared across tabs (`withCrossTabSharing()` would elect a leader asynchronously, through
 * the real Web Locks of the test browser); provide `SSE_LOCK_MANAGER` to test sharing.
 *
 * @example
 * TestBed.configureTestingModule({ providers: [provideSseTesting()] });
 * const controller = TestBed.inject(SseTestingController);
 */
export function provideSseTesting(): EnvironmentProviders {
  return makeEnvironmentProviders([
    SseTestingController,
    { provide: SseBackend, useClass: SseTestingBackend },
    { provide: SSE_LOCK_MANAGER, useValue: null },
    provideSse(withBatching('sync')),
  ]);
}
