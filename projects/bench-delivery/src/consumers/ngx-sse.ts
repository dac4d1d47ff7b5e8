// Every ngx-sse call of the benchmark lives here, so porting the bench to a new library API is
// one file (plus sse-resource.ts). Each consumer subscribes to default `message` events, JSON.
import { inject } from '@angular/core';
import { FetchBackend, SseClient, provideSse, withBatching, type SseBatching } from 'ngx-sse';

import type { BenchEvent, Sink } from '../sink';
import type { ConsumerSetup } from './consumer';

function subscribe(url: string, sink: Sink, options: Parameters<SseClient['stream']>[1]): void {
  inject(SseClient)
    .stream<{ message: BenchEvent }>(url, options)
    .messages()
    .subscribe({
      next: (message) => sink.receive(message.data),
      error: (error: unknown) => sink.fail(String(error)),
    });
}

function nativeWith(batching: SseBatching): ConsumerSetup {
  return {
    providers: [provideSse(withBatching(batching))],
    start: (url, sink) => subscribe(url, sink, {}),
  };
}

/** The library's consumers by name: native transport per batching mode, and fetch. */
export const librarySetups: Record<string, ConsumerSetup> = {
  // Zero configuration: whatever batching the library defaults to.
  'ngx-native': { providers: [], start: (url, sink) => subscribe(url, sink, {}) },
  'ngx-native-microtask': nativeWith('microtask'),
  'ngx-native-animation-frame': nativeWith('animation-frame'),
  'ngx-native-sync': nativeWith('sync'),
  'ngx-fetch': {
    providers: [],
    start: (url, sink) => subscribe(url, sink, { backend: inject(FetchBackend) }),
  },
};
