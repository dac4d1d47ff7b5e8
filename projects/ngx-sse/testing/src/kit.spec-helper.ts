import { TestBed } from '@angular/core/testing';
import { SSE_SCHEDULER, SseClient, provideSse, withFetchTransport } from 'ngx-sse';

import { FakeSseScheduler } from './fake-sse-scheduler';
import { provideSseTesting } from './provide-sse-testing';
import { SseTestingController } from './sse-testing-controller';

/**
 * The kit, a manual clock and, unless `fetch` is false, the fetch transport beside EventSource.
 *
 * @example
 * const { client, controller, scheduler } = configureKit();
 */
export function configureKit(fetch = true) {
  const scheduler = new FakeSseScheduler();
  TestBed.configureTestingModule({
    providers: [
      provideSseTesting(),
      fetch ? provideSse(withFetchTransport({ default: false })) : [],
      { provide: SSE_SCHEDULER, useValue: scheduler },
    ],
  });
  return {
    client: TestBed.inject(SseClient),
    controller: TestBed.inject(SseTestingController),
    scheduler,
  };
}
