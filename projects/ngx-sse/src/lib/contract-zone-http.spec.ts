import {
  ApplicationRef,
  EnvironmentInjector,
  NgZone,
  provideZoneChangeDetection,
} from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { SseClient } from 'ngx-sse';

import { type StubEvents, uniqueKey, until } from './sse-stub.spec-helper';

// A zone.js app with default configuration and a real browser EventSource: the three events the
// stub's `mixed` route writes in one chunk should cost one change detection, not three.
describe('contract: zone.js re-entry over a real EventSource', () => {
  it('three events in one chunk: one zone turn (onMicrotaskEmpty) for the batch', async () => {
    TestBed.configureTestingModule({ providers: [provideZoneChangeDetection()] });
    TestBed.inject(ApplicationRef);
    const zone = TestBed.inject(NgZone);
    // What drives change detection in a zone.js app: one emission per zone turn.
    let ticks = 0;
    zone.onMicrotaskEmpty.subscribe(() => ticks++);
    const stream = TestBed.inject(SseClient).stream<StubEvents>(
      `/sse-stub/mixed?key=${uniqueKey()}`,
      {
        injector: TestBed.inject(EnvironmentInjector),
      },
    );
    const seen: string[] = [];
    let ticksAtFirst = -1;
    zone.run(() => {
      const note = (id: string) => {
        if (ticksAtFirst < 0) ticksAtFirst = ticks;
        seen.push(id);
      };
      stream.on('a').subscribe((m) => note(m.lastEventId));
      stream.on('b').subscribe((m) => note(m.lastEventId));
    });
    await until(() => seen.length === 3, 'three events');
    await new Promise((resolve) => setTimeout(resolve, 100));
    stream.close();
    expect(seen).toEqual(['m1', 'm2', 'm3']);
    expect(ticks - ticksAtFirst).toBe(1);
  });
});
