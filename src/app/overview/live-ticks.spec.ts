import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { SSE_SCHEDULER, provideSse, withReconnect } from 'ngx-sse';
import { FakeSseScheduler, SseTestingController, provideSseTesting } from 'ngx-sse/testing';

import { LiveTicks, TICK_SILENCE_MS } from './live-ticks';
import { LiveTicksHarness } from './testing/live-ticks-harness';

describe('LiveTicks', () => {
  const AT = new Date(2026, 11, 1, 14, 3, 7, 250).getTime();
  let controller: SseTestingController;
  let fixture: ComponentFixture<LiveTicks>;
  let clock: LiveTicksHarness;
  let scheduler: FakeSseScheduler;

  beforeEach(async () => {
    scheduler = new FakeSseScheduler();
    TestBed.configureTestingModule({
      providers: [
        provideSseTesting(),
        // EventSource reports no statuses: only the policy's attempt limit closes the stream.
        provideSse(withReconnect({ maxAttempts: 1 })),
        { provide: SSE_SCHEDULER, useValue: scheduler },
      ],
    });
    controller = TestBed.inject(SseTestingController);
    fixture = TestBed.createComponent(LiveTicks);
    clock = await TestbedHarnessEnvironment.harnessForFixture(fixture, LiveTicksHarness);
  });

  afterEach(() => controller.verify());

  it('shows the server time and the tick number from /api/ticks', async () => {
    expect(await clock.getText()).toBe('Connecting…');
    const connection = controller.expectConnection('/api/ticks');
    connection.open();
    expect(await clock.getText()).toBe('Waiting for the first tick…');

    connection.emit('tick', { n: 7, at: AT }, '7');
    expect(await clock.getText()).toBe('14:03:07 tick #7');
    expect(await clock.getDateTime()).toBe(new Date(AT).toISOString());
    expect(await clock.getStreamStatus()).toBe('open');
  });

  it('says it is reconnecting, and why, when /api/ticks fails', async () => {
    // An EventSource sees a 503 only as a refused stream.
    controller.expectConnection('/api/ticks').fail({ status: 503 });
    expect(await clock.getText()).toBe('Reconnecting (refused)…');
    expect(await clock.getStreamStatus()).toBe('reconnecting');
  });

  it('keeps the last server time next to the state while the stream is down', async () => {
    const connection = controller.expectConnection('/api/ticks');
    connection.open();
    connection.emit('tick', { n: 3, at: AT }, '3');
    connection.fail();
    expect(await clock.getText()).toBe('14:03:07 tick #3 Reconnecting (network)…');
  });

  it('does not show a stalled clock as current: no tick for a while reconnects, saying why', async () => {
    const connection = controller.expectConnection('/api/ticks');
    connection.open();
    connection.emit('tick', { n: 3, at: AT }, '3');
    scheduler.tick(TICK_SILENCE_MS - 1000);
    expect(await clock.getText()).toBe('14:03:07 tick #3');
    scheduler.tick(1000);
    expect(await clock.getText()).toBe('14:03:07 tick #3 Reconnecting (idle-timeout)…');
    expect(connection.cancelled).toBeTrue();
  });

  it('says the stream is closed, with the reason, once the reconnect policy gives up', async () => {
    controller.expectConnection('/api/ticks').fail({ reason: 'refused' });
    expect(await clock.getText()).toBe('Reconnecting (refused)…');
    scheduler.tick(1000); // the first retry's delay: at most the initial delay
    controller.expectConnection('/api/ticks').fail({ reason: 'refused' });
    expect(await clock.getText()).toBe('Closed (max-attempts)');
    expect(await clock.getStreamStatus()).toBe('closed');
  });

  it('is not announced and keeps its text as what a screen reader reads', async () => {
    controller.expectConnection('/api/ticks');
    expect(await clock.isAnnounced()).toBeFalse();
    expect(await clock.getAriaLabel()).toBeNull();
  });

  it('closes the stream when the component is destroyed', async () => {
    await fixture.whenStable();
    const connection = controller.expectConnection('/api/ticks');
    fixture.destroy();
    expect(connection.cancelled).toBeTrue();
  });
});
