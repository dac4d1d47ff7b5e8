import { type EnvironmentProviders, type Provider } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { SSE_SCHEDULER, SseClient, provideSse, withFetchTransport, type SseFeature } from 'ngx-sse';
import { FakeSseScheduler, SseTestingController, provideSseTesting } from 'ngx-sse/testing';

/** A client on the testing backend and a manual clock, configured with `features` (and fetch). */
export function setup(
  features: SseFeature[] = [],
  providers: (Provider | EnvironmentProviders)[] = [],
) {
  const scheduler = new FakeSseScheduler();
  // Both transports available, as in an app that streams with fetch too; EventSource stays the
  // default unless a spec brings its own withFetchTransport().
  const fetchTransport = withFetchTransport({ default: false });
  const hasFetch = features.some((feature) => feature.ɵkind === fetchTransport.ɵkind);
  TestBed.configureTestingModule({
    providers: [
      provideSseTesting(),
      provideSse(...(hasFetch ? features : [fetchTransport, ...features])),
      { provide: SSE_SCHEDULER, useValue: scheduler },
      ...providers,
    ],
  });
  return {
    client: TestBed.inject(SseClient),
    controller: TestBed.inject(SseTestingController),
    scheduler,
  };
}

/** Event payload shapes used across the specs. */
export interface TestEvents {
  notification: { title: string };
  'job-progress': { percent: number };
  message: string;
}

/** A document whose visibility a test sets, provided as `DOCUMENT`: the page's own is left alone. */
export function standInDocument() {
  const page = Object.assign(new EventTarget(), { hidden: false, defaultView: window });
  return Object.assign(page, {
    setHidden(hidden: boolean) {
      page.hidden = hidden;
      page.dispatchEvent(new Event('visibilitychange'));
    },
  });
}
