import { EnvironmentInjector } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { SseClient, type SseState } from 'ngx-sse';

import { recordingEventSources } from './probe-native.spec-helper';

// A server that sends `retry: 0` and closes every response makes Chromium's EventSource
// reconnect at once, in a loop: measured against a local server, 276 requests in 2 s (and 348
// when each response carries one event). The library used to leave every such retry to the
// browser (`delayMs: null`), so nothing ended the loop; an event per response reset the attempt
// count, so no `maxAttempts` did either. `EventSourceBackend` now hands the fourth hasty drop in a
// row to the library's backoff.
describe('probe: an EventSource the server drops right after each open, with retry: 0', () => {
  for (const [what, event] of [
    ['with no event', false],
    ['with one event per response', true],
  ] as const) {
    it(`${what}: the library's backoff takes over from the browser's 0 ms retries`, () => {
      const sources = recordingEventSources();
      const stream = TestBed.inject(SseClient).stream('/es', {
        injector: TestBed.inject(EnvironmentInjector),
      });
      const retries: SseState[] = [];
      stream.state$.subscribe((state) => state.status === 'reconnecting' && retries.push(state));
      stream.events().subscribe({ error: () => undefined });
      // Twenty drops at the same instant of the (manual) clock: the browser's own loop.
      for (let i = 0; i < 20; i++) {
        const source = sources.at(-1)!;
        if (source.readyState === 2) break;
        source.open();
        if (event) source.emit('message', `"${i}"`);
        source.error(0);
      }
      const delays = retries.map((s) => (s.status === 'reconnecting' ? s.delayMs : null));
      expect(delays.some((ms) => ms !== null && ms > 0))
        .withContext(`delays ${JSON.stringify(delays)}`)
        .toBeTrue();
      expect(sources.every((s) => s.readyState === 2))
        .withContext('no EventSource left retrying')
        .toBeTrue();
    });
  }
});
