import { EnvironmentInjector } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import {
  EVENT_SOURCE_FACTORY,
  SseClient,
  SseError,
  type SseHeaders,
  provideSse,
  withBatching,
} from 'ngx-sse';

import { FakeEventSource } from './fake-event-source.spec-helper';
import { eventStream, probeStream, recordingFetch } from './probe.spec-helper';

/** A fetch stream with `headers` is refused at stream(), with the header's own words. */
function expectRefusedAtStream(headers: SseHeaders) {
  const wire = recordingFetch(() => eventStream('data: ok\n\n'));
  expect(() => probeStream(wire.fetch, {}, { headers })).toThrowMatching(
    (e: unknown) =>
      e instanceof SseError && e.reason === 'invalid-request' && /Headers/.test(e.detail ?? ''),
  );
  expect(wire.requests).toEqual([]);
}

/** A header function whose result no request may carry: the stream stops, sending nothing. */
async function expectStopped(headers: SseHeaders) {
  const wire = recordingFetch(() => eventStream('data: ok\n\n'));
  const { stream, errors, reached } = probeStream(wire.fetch, {}, { headers });
  await reached('closed');
  expect(stream.state()).toEqual(jasmine.objectContaining({ reason: 'invalid-request' }));
  expect(errors.map((e) => e.reason)).toEqual(['invalid-request']);
  expect(errors[0].detail).toMatch(/^invalid header/);
  expect(wire.requests).toEqual([]);
}

describe('probe: what a careless caller passes to stream()', () => {
  it('a header value with CR LF (header injection) is refused at stream()', () => {
    expectRefusedAtStream({ 'X-Trace': 'a\r\nSet-Cookie: evil=1' });
  });

  it('a header name with a space is refused at stream()', () => {
    expectRefusedAtStream({ 'X Trace': '1' });
  });

  it('a header function whose value holds a NUL stops with invalid-request, sending nothing', async () => {
    await expectStopped(async () => ({ 'X-Trace': 'a\0b' }));
  });

  it('EventSource: a lastEventId with a space, & and non-ASCII reaches the query percent-encoded', () => {
    const urls: string[] = [];
    TestBed.configureTestingModule({
      providers: [
        provideSse(withBatching('sync')),
        {
          provide: EVENT_SOURCE_FACTORY,
          useValue: (url: string, init: EventSourceInit) => {
            urls.push(url);
            return new FakeEventSource(url, init);
          },
        },
      ],
    });
    const stream = TestBed.inject(SseClient).stream('/es?a=1#frag', {
      lastEventId: 'x y&z=é',
      injector: TestBed.inject(EnvironmentInjector),
    });
    stream.events().subscribe();
    expect(urls).toEqual(['/es?a=1&lastEventId=x%20y%26z%3D%C3%A9']);
  });

  it('a URL of 100,000 non-ASCII characters is fetched as given, and its events arrive', async () => {
    const wire = recordingFetch(() => eventStream('data: ok\n\n'));
    const url = `/probe?q=${'é€😀'.repeat(25_000)}`;
    const { data, reached } = probeStream(wire.fetch, {}, { url });
    await reached('reconnecting');
    expect(wire.requests[0].url).toBe(url);
    expect(data).toEqual(['ok']);
  });
});
