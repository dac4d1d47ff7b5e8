import { TestBed } from '@angular/core/testing';
import {
  SSE_SCHEDULER,
  SseClient,
  type SseFetchDefaults,
  provideSse,
  withFetchTransport,
} from 'ngx-sse';

import { FakeSseScheduler } from './fake-sse-scheduler';
import { provideSseTesting } from './provide-sse-testing';
import { SseTestingController } from './sse-testing-controller';

/**
 * The kit, a manual clock and, unless `fetch` is false, the fetch transport beside EventSource
 * (with `fetch`'s settings when it is an object).
 *
 * @example
 * const { client, controller, scheduler } = configureKit({ headers: { Authorization: 'Bearer t' } });
 */
export function configureKit(fetch: boolean | SseFetchDefaults = true) {
  const scheduler = new FakeSseScheduler();
  TestBed.configureTestingModule({
    providers: [
      provideSseTesting(),
      fetch ? provideSse(withFetchTransport(fetch === true ? { default: false } : fetch)) : [],
      { provide: SSE_SCHEDULER, useValue: scheduler },
    ],
  });
  return {
    client: TestBed.inject(SseClient),
    controller: TestBed.inject(SseTestingController),
    scheduler,
  };
}
