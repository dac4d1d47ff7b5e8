import { TestBed } from '@angular/core/testing';
import {
  EVENT_SOURCE_FACTORY,
  SSE_SCHEDULER,
  type SseFeature,
  provideSse,
  withBatching,
} from 'ngx-sse';
import { FakeSseScheduler } from 'ngx-sse/testing';

import { FakeEventSource } from './fake-event-source.spec-helper';

/**
 * Configures TestBed for the fault probe's native-transport specs: synchronous delivery, a manual
 * clock and a fake `EventSource` factory. Returns every source the library creates, in order.
 *
 * @example
 * const sources = recordingEventSources(withReconnect({ maxAttempts: 3 }));
 */
export function recordingEventSources(...features: SseFeature[]): FakeEventSource[] {
  const sources: FakeEventSource[] = [];
  TestBed.configureTestingModule({
    providers: [
      provideSse(withBatching('sync'), ...features),
      { provide: SSE_SCHEDULER, useValue: new FakeSseScheduler() },
      {
        provide: EVENT_SOURCE_FACTORY,
        useValue: (url: string, init: EventSourceInit) =>
          sources[sources.push(new FakeEventSource(url, init)) - 1],
      },
    ],
  });
  return sources;
}
