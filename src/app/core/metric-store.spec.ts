import { TestBed } from '@angular/core/testing';
import { SseTestingController } from 'ngx-sse/testing';

import { provideLiveTesting } from '../testing/live-testing';
import { MetricStore } from './metric-store';
import { Session } from './session';

describe('MetricStore', () => {
  let frames: FrameRequestCallback[];
  /** Advances the fake clock, then runs the frames it requested, as a browser would after. */
  const advance = (ms: number) => {
    jasmine.clock().tick(ms);
    frames.splice(0).forEach((frame) => frame(0));
  };

  beforeEach(() => {
    frames = [];
    jasmine.clock().install();
    spyOn(window, 'requestAnimationFrame').and.callFake((callback: FrameRequestCallback) => {
      frames.push(callback);
      return frames.length;
    });
    TestBed.configureTestingModule({ providers: [provideLiveTesting()] });
  });

  afterEach(() => jasmine.clock().uninstall());

  it('counts the events received in the last second', () => {
    const store = TestBed.inject(MetricStore);
    TestBed.inject(Session).user.set('alice');
    TestBed.tick();
    const connection = TestBed.inject(SseTestingController).expectConnection('/api/events');
    connection.open();
    for (let i = 0; i < 5; i++)
      connection.emit('metric', { name: 'cpu', value: i, at: Date.now() });
    advance(1000);
    expect(store.eventsPerSecond()).toBe(5);

    connection.emit('metric', { name: 'cpu', value: 9, at: Date.now() });
    advance(1000);
    expect(store.eventsPerSecond()).toBe(1);
    advance(1000);
    expect(store.eventsPerSecond()).toBe(0);
  });

  it('keeps each series to the last 60 seconds', () => {
    const store = TestBed.inject(MetricStore);
    TestBed.inject(Session).user.set('alice');
    TestBed.tick();
    const connection = TestBed.inject(SseTestingController).expectConnection('/api/events');
    connection.open();
    const now = Date.now();
    connection.emit('metric', { name: 'cpu', value: 1, at: now - 61_000 });
    connection.emit('metric', { name: 'cpu', value: 2, at: now - 1000 });
    expect(
      store
        .series()
        .get('cpu')
        ?.map((point) => point.value),
    ).toEqual([2]);
  });
});
