import { TestBed } from '@angular/core/testing';
import { SSE_SCHEDULER, SseClient, provideSse, withFetchTransport, type SseFeature } from 'ngx-sse';
import { FakeSseScheduler, SseTestingController, provideSseTesting } from 'ngx-sse/testing';

/** The public API only: a client on the testing kit with a manual clock. */
export function contractSetup(features: SseFeature[] = []) {
  const scheduler = new FakeSseScheduler();
  TestBed.configureTestingModule({
    providers: [
      provideSseTesting(),
      provideSse(withFetchTransport({ default: false }), ...features),
      { provide: SSE_SCHEDULER, useValue: scheduler },
    ],
  });
  return {
    client: TestBed.inject(SseClient),
    controller: TestBed.inject(SseTestingController),
    scheduler,
  };
}

export interface ContractEvents {
  a: { n: number };
  b: { n: number };
  message: string;
}
