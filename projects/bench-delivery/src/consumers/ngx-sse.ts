// Every ngx-sse call of the benchmark lives here, so porting the bench to a new library API is
// this file (plus sse-resource.ts). Each consumer subscribes to default `message` events, JSON.
import { inject } from '@angular/core';
import {
  SseClient,
  provideSse,
  withBatching,
  withFetchTransport,
  type SseBatching,
  type SseStream,
} from 'ngx-sse';

import type { BenchEvent, Sink } from '../sink';
import type { ConsumerSetup } from './consumer';

interface BenchEvents {
  message: BenchEvent;
}

function deliver(stream: SseStream<BenchEvents>, sink: Sink): void {
  stream.messages().subscribe({
    next: (message) => sink.receive(message.data),
    error: (error: unknown) => sink.fail(String(error)),
  });
}

const native: ConsumerSetup['start'] = (url, sink) =>
  deliver(inject(SseClient).stream<BenchEvents>(url), sink);

function nativeWith(batching: SseBatching): ConsumerSetup {
  return { providers: [provideSse(withBatching(batching))], start: native };
}

/** The library's consumers by name: native transport per batching mode, and fetch. */
export const librarySetups: Record<string, ConsumerSetup> = {
  // Zero configuration: whatever batching the library defaults to.
  'ngx-native': { providers: [], start: native },
  'ngx-native-microtask': nativeWith('microtask'),
  'ngx-native-animation-frame': nativeWith('animation-frame'),
  'ngx-native-sync': nativeWith('sync'),
  'ngx-fetch': {
    providers: [provideSse(withFetchTransport())],
    start: (url, sink) =>
      deliver(inject(SseClient).stream<BenchEvents>(url, { transport: 'fetch' }), sink),
  },
};
