import { EnvironmentInjector, createEnvironmentInjector } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { SseClient } from 'ngx-sse';

import { eventStream, recordingFetch } from './probe.spec-helper';
import { until } from './sse-stub.spec-helper';
import { serveWire } from './wire-client.spec-helper';

// The fetch backend stops an attempt by aborting its signal and relies on fetch to error the
// body. An SSE_FETCH that does not honour the signal (a wrapper that drops `init.signal`, a
// polyfill) answers after the stream closed: the backend then neither reads nor cancels the
// body, so the response stays open for as long as the server keeps it.
describe('probe: an SSE_FETCH that ignores the abort signal', () => {
  for (const [what, reads] of [
    ['a held body', []],
    ['a body that is still streaming', ['data: 1\n\n', 'data: 2\n\n']],
  ] as const) {
    it(`cancels ${what} that arrives after the stream closed`, async () => {
      let cancelled = false;
      let answer!: () => void;
      const late = new Promise<void>((resolve) => (answer = resolve));
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          for (const read of reads) controller.enqueue(new TextEncoder().encode(read));
        },
        cancel: () => void (cancelled = true),
      });
      const wire = recordingFetch(async () => {
        await late;
        return eventStream(body);
      });
      serveWire(wire.fetch);
      const injector = createEnvironmentInjector([], TestBed.inject(EnvironmentInjector));
      const stream = TestBed.inject(SseClient).stream('/probe', { transport: 'fetch', injector });
      stream.events().subscribe();
      await until(() => wire.requests.length === 1, 'the request');
      injector.destroy();
      answer();
      await until(() => cancelled, 'the late body cancelled', 500).catch(() => undefined);
      expect(cancelled).withContext('the late response body was cancelled').toBeTrue();
    });
  }
});
