import { EnvironmentInjector } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { SSE_FETCH, SseClient, SseError, provideSse, withFetchTransport } from 'ngx-sse';

import { eventStream, recordingFetch } from './probe.spec-helper';

// A resume id no server can send (CR and LF end a line, a NUL id is ignored) and no header can
// carry. On the fetch transport `Headers.set('Last-Event-ID')` threw on every attempt, which the
// backend reported as `network`: a stream retrying for ever without sending a request. It is a
// caller's mistake, refused at stream() on both transports, as an invalid header is.
describe('probe: a lastEventId option no server could have sent', () => {
  for (const [what, id] of [
    ['LF', 'a\nb'],
    ['CR', 'a\rb'],
    ['NUL', 'a\0b'],
  ]) {
    it(`a lastEventId with ${what} is an invalid-request at stream(), on either transport`, () => {
      const wire = recordingFetch(() => eventStream('data: ok\n\n'));
      TestBed.configureTestingModule({
        providers: [
          provideSse(withFetchTransport({ default: false })),
          { provide: SSE_FETCH, useValue: wire.fetch },
        ],
      });
      const injector = TestBed.inject(EnvironmentInjector);
      for (const transport of ['fetch', 'eventsource'] as const) {
        let thrown: unknown;
        try {
          TestBed.inject(SseClient).stream('/probe', { transport, lastEventId: id, injector });
        } catch (error) {
          thrown = error;
        }
        expect(thrown).withContext(transport).toEqual(jasmine.any(SseError));
        expect((thrown as SseError).reason)
          .withContext(transport)
          .toBe('invalid-request');
        expect((thrown as SseError).message).toContain('lastEventId cannot hold CR, LF or NUL');
      }
      expect(wire.requests).toEqual([]);
    });
  }
});
