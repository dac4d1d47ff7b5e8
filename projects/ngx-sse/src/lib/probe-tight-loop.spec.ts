import { EnvironmentInjector } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { SseClient, type SseState, withReconnect } from 'ngx-sse';

import { recordingEventSources } from './probe-native.spec-helper';
import { type ProbeAnswer, eventStream, probeStream, recordingFetch } from './probe.spec-helper';
import { until } from './sse-stub.spec-helper';

const reconnect = { initialDelayMs: 100, maxDelayMs: 1000, maxAttempts: 3 };

/**
 * Lets a server that fails every attempt loop against `maxAttempts: 3` at full backoff
 * (random() is 1): the waits the library chose, and how the stream ended.
 */
async function loop(answer: ProbeAnswer) {
  const wire = recordingFetch(answer);
  const { stream, errors, scheduler } = probeStream(wire.fetch, { reconnect });
  scheduler.randomValue = 1;
  const ends: SseState[] = [];
  stream.state$.subscribe(
    (s) => (s.status === 'reconnecting' || s.status === 'closed') && ends.push(s),
  );
  const waits: (number | null)[] = [];
  for (let attempt = 1; attempt <= 10; attempt++) {
    await until(() => ends.length === attempt, `the end of attempt ${attempt}`);
    const state = ends[attempt - 1];
    if (state.status !== 'reconnecting') break;
    waits.push(state.delayMs);
    // No hot loop: nothing is sent again before the timer is due.
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(wire.requests.length).toBe(attempt);
    expect(scheduler.pending()).toEqual([state.delayMs!]);
    scheduler.tick(state.delayMs!);
  }
  return { waits, stream, errors, requests: wire.requests.length, open: wire.open() };
}

describe('probe: a server that fails every attempt, in a tight loop', () => {
  const servers: [string, ProbeAnswer][] = [
    ['closes right after the headers', () => eventStream(null)],
    [
      'sends only an id:-only frame and a comment, then closes',
      () => eventStream('id: 9\n\n: x\n'),
    ],
    [
      'answers 503 with Retry-After: 0',
      () => new Response('', { status: 503, headers: { 'Retry-After': '0' } }),
    ],
    ['redirects in a loop (fetch rejects)', () => Promise.reject(new TypeError('Failed to fetch'))],
  ];
  for (const [what, answer] of servers) {
    it(`backs off and honours maxAttempts when the server ${what}`, async () => {
      const { waits, stream, errors, requests, open } = await loop(answer);
      expect(waits).toEqual([100, 200, 400]);
      expect(requests).toBe(4);
      expect(open).toBe(0);
      expect(stream.state()).toEqual(jasmine.objectContaining({ reason: 'max-attempts' }));
      expect(errors.map((e) => [e.reason, e.attempt])).toEqual([['max-attempts', 4]]);
    });
  }

  it('EventSource: the browser’s own retries count towards maxAttempts too', () => {
    const sources = recordingEventSources(withReconnect(reconnect));
    const stream = TestBed.inject(SseClient).stream('/es', {
      injector: TestBed.inject(EnvironmentInjector),
    });
    const states: SseState[] = [];
    stream.state$.subscribe((state) => states.push(state));
    stream.events().subscribe({ error: () => undefined });
    // A server that opens and drops at once, with `retry: 0`: the browser reconnects by itself.
    for (let i = 0; i < 4; i++) {
      sources[0].open();
      sources[0].error(0);
    }
    const retries = states.filter((s) => s.status === 'reconnecting');
    expect(retries.map((s) => s.status === 'reconnecting' && s.delayMs)).toEqual([
      null,
      null,
      null,
    ]);
    expect(stream.state()).toEqual(jasmine.objectContaining({ reason: 'max-attempts' }));
    expect(sources.length).toBe(1);
    expect(sources[0].readyState).toBe(2);
  });
});
