import {
  NgZone,
  provideZoneChangeDetection,
  provideZonelessChangeDetection,
  type EnvironmentProviders,
} from '@angular/core';
import { TestBed } from '@angular/core/testing';

import { SseBatcher } from './batcher';

describe('SseBatcher', () => {
  /** A batcher on the app's zone whose schedule records how it was called and flushes on `run()`. */
  function batcherWith(changeDetection: EnvironmentProviders) {
    TestBed.configureTestingModule({ providers: [changeDetection] });
    const zone = TestBed.inject(NgZone);
    const calls: { zoned: boolean; inAngularZone: boolean }[] = [];
    let pending: (() => void) | null = null;
    const reported: unknown[] = [];
    const errors = { handleError: (error: unknown) => reported.push(error) };
    const batcher = new SseBatcher(
      zone,
      (flush, zoned) => {
        calls.push({ zoned, inAngularZone: NgZone.isInAngularZone() });
        pending = flush;
      },
      errors,
    );
    return { zone, batcher, calls, reported, run: () => pending?.() };
  }

  it('tells the schedule each flush is an app-wide change detection under zone.js', () => {
    const { batcher, calls } = batcherWith(provideZoneChangeDetection());
    batcher.request({ flush: () => undefined });
    expect(calls).toEqual([{ zoned: true, inAngularZone: false }]);
  });

  it('tells the schedule it is zoneless under provideZonelessChangeDetection()', () => {
    const { batcher, calls } = batcherWith(provideZonelessChangeDetection());
    batcher.request({ flush: () => undefined });
    expect(calls).toEqual([{ zoned: false, inAngularZone: false }]);
  });

  it('schedules outside the zone when work queues inside it, and flushes inside it', () => {
    const { zone, batcher, calls, run } = batcherWith(provideZoneChangeDetection());
    let flushedInZone: boolean | undefined;
    zone.run(() => batcher.request({ flush: () => (flushedInZone = NgZone.isInAngularZone()) }));
    expect(calls).toEqual([{ zoned: true, inAngularZone: false }]);
    run();
    expect(flushedInZone).toBeTrue();
  });

  it('asks for one schedule per batch, however many units queue work', () => {
    const { batcher, calls, run } = batcherWith(provideZoneChangeDetection());
    const flushed: string[] = [];
    batcher.request({ flush: () => flushed.push('a') });
    batcher.request({ flush: () => flushed.push('b') });
    expect(calls.length).toBe(1);
    run();
    expect(flushed).toEqual(['a', 'b']);
  });

  it('a unit that throws does not stop the others; its error goes to the ErrorHandler', () => {
    const { batcher, reported, run } = batcherWith(provideZonelessChangeDetection());
    const boom = new Error('a broken unit');
    const flushed: string[] = [];
    batcher.request({
      flush: () => {
        throw boom;
      },
    });
    batcher.request({ flush: () => flushed.push('after') });
    run();
    expect(flushed).toEqual(['after']);
    expect(reported).toEqual([boom]);
  });
});
