import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { HttpTestingController } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatButtonToggleHarness } from '@angular/material/button-toggle/testing';
import { SSE_SCHEDULER } from 'ngx-sse';
import { FakeSseScheduler, SseTestingController, type TestConnection } from 'ngx-sse/testing';

import { Clock } from '../core/clock';
import { EventLog, LOG_LIMIT } from '../core/event-log';
import { DEFAULT_HEARTBEAT_TIMEOUT_MS, LiveStream } from '../core/live-stream';
import { Session } from '../core/session';
import { DiagnosticsPage } from './diagnostics-page';
import { DiagnosticCountersHarness } from './testing/diagnostic-counters-harness';
import { TransitionTimelineHarness } from './testing/transition-timeline-harness';
import { provideLiveTesting, settle } from '../testing/live-testing';

describe('DiagnosticsPage', () => {
  let fixture: ComponentFixture<DiagnosticsPage>;
  let loader: HarnessLoader;
  let sse: SseTestingController;
  let scheduler: FakeSseScheduler;
  // The library stamps connectedAt with the fake scheduler's time, so the clock starts there too.
  const now = signal(0);
  let events: TestConnection;

  beforeEach(async () => {
    scheduler = new FakeSseScheduler();
    now.set(0);
    TestBed.configureTestingModule({
      providers: [
        ...provideLiveTesting(),
        { provide: SSE_SCHEDULER, useValue: scheduler },
        { provide: Clock, useValue: { now } },
      ],
    });
    TestBed.inject(Session).user.set('alice');
    fixture = TestBed.createComponent(DiagnosticsPage);
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
    sse = TestBed.inject(SseTestingController);
    events = sse.expectConnection('/api/events');
    events.open();
  });

  afterEach(() => {
    sse.verify();
    TestBed.inject(HttpTestingController).verify();
  });

  it('shows a 503 in the timeline and the counters, then the recovery', async () => {
    const counters = await loader.getHarness(DiagnosticCountersHarness);
    const timeline = await loader.getHarness(TransitionTimelineHarness);
    events.emit('metric', { name: 'cpu', value: 1, at: 0 }, '1');
    events.emit('metric', { name: 'cpu', value: 2, at: 0 }, '2');
    now.set(65_000);
    expect(await counters.getValue('events')).toBe('2');
    expect(await counters.getValue('last-event-id')).toBe('2');
    expect(await counters.getValue('connected')).toBe('1m 05s');

    // It drops, and the server answers the reconnect with a 503.
    events.fail();
    scheduler.tick(1000);
    sse.expectConnection('/api/events').fail({ status: 503 });
    expect(await timeline.getLatest()).toEqual(
      jasmine.objectContaining({
        status: 'reconnecting',
        reason: 'http 503',
        attempt: 2,
        delayMs: 2000,
      }),
    );
    expect(await counters.getValue('reconnects')).toBe('2');
    expect(await counters.getValue('connected')).toBe('not connected');
    expect(await counters.getValue('last-error')).toContain('http 503');

    scheduler.tick(2000);
    const retry = sse.expectConnection('/api/events');
    expect(retry.request.lastEventId).toBe('2');
    retry.open();
    expect((await timeline.getEntries()).map((entry) => entry.status)).toEqual([
      'open',
      'reconnecting',
      'reconnecting',
      'open',
      'connecting',
    ]);
  });

  it('logs raw events as text, bounded to the last 5,000', async () => {
    const title = '<img src=x onerror="window.pwned = true">';
    for (let id = 1; id <= LOG_LIMIT + 10; id++) {
      events.emit('notification', { id: String(id), level: 'INFO', title }, String(id));
    }
    await fixture.whenStable();
    await fixture.whenStable();

    expect(TestBed.inject(EventLog).entries().length).toBe(LOG_LIMIT);
    const log: HTMLElement = fixture.nativeElement.querySelector('[aria-label="Raw event log"]');
    expect(log.getAttribute('data-count')).toBe(String(LOG_LIMIT));
    const rows = log.querySelectorAll('[role="listitem"]');
    expect(rows.length).toBeLessThan(50);
    expect(rows[0].textContent).toContain('#5010');
    expect(rows[0].querySelector('code')?.textContent).toContain(JSON.stringify(title));
    expect(log.querySelector('img')).toBeNull();
  });

  it('applies settings through LiveStream.configure(), reopening the stream', async () => {
    const live = TestBed.inject(LiveStream);
    spyOn(live, 'configure').and.callThrough();
    await (await loader.getHarness(MatButtonToggleHarness.with({ text: /native/ }))).check();
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Apply' }))).click();

    expect(live.configure).toHaveBeenCalledOnceWith(
      'eventsource',
      DEFAULT_HEARTBEAT_TIMEOUT_MS,
      true,
    );
    expect(events.cancelled).toBeTrue();
    sse.expectConnection('/api/events').open();
    expect(live.transport()).toBe('eventsource');
  });

  it('injects a fault through the mock server', async () => {
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Drop connection' }))).click();
    const request = TestBed.inject(HttpTestingController).expectOne('/api/faults');
    expect(request.request.body).toEqual({ kind: 'drop' });
    request.flush({});
    await settle(fixture);
    const status: HTMLElement = fixture.nativeElement.querySelector(
      'app-fault-controls [role="status"]',
    );
    expect(status.textContent?.trim()).toMatch(/^Injected at \d\d:\d\d:\d\d: Drop connection$/);
  });
});
