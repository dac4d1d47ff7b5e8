import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { HttpTestingController } from '@angular/common/http/testing';
import { type Provider, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { SseTestingController } from 'ngx-sse/testing';

import type { JobProgress } from '../core/api';
import { Clock } from '../core/clock';
import { MetricStore } from '../core/metric-store';
import { Session } from '../core/session';
import { OverviewPage } from './overview-page';
import { LiveTicksHarness } from './testing/live-ticks-harness';
import { MetricChartHarness } from './testing/metric-chart-harness';
import { SummaryCardHarness } from './testing/summary-card-harness';
import { flushNotificationList, provideLiveTesting } from '../testing/live-testing';

const NOW = 1_700_000_000_000;

function job(jobId: string, state: JobProgress['state']): JobProgress {
  return { jobId, name: `Job ${jobId}`, percent: 50, state, etaMs: 1000 };
}

describe('OverviewPage', () => {
  let sse: SseTestingController;

  function setUp(...providers: Provider[]): void {
    TestBed.configureTestingModule({
      providers: [
        ...provideLiveTesting(),
        // A still clock keeps the chart's window where the test's points are.
        { provide: Clock, useValue: { now: signal(NOW) } },
        ...providers,
      ],
    });
    sse = TestBed.inject(SseTestingController);
  }

  afterEach(() => {
    sse.verify();
    TestBed.inject(HttpTestingController).verify();
  });

  it('summarises notifications, jobs and metrics from the live stream', async () => {
    setUp();
    TestBed.inject(Session).user.set('alice');
    const fixture = TestBed.createComponent(OverviewPage);
    const loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
    const card = (label: string) => loader.getHarness(SummaryCardHarness.with({ label }));
    // Until the lists have come, the counts are not yet known: not a 0.
    expect(await (await card('Unread notifications')).getValue()).toBe('loading');
    expect(await (await card('Running jobs')).getAccessibleName()).toBe('Running jobs: loading');
    TestBed.inject(HttpTestingController)
      .expectOne('/api/jobs')
      .flush({ jobs: [job('1', 'running'), job('2', 'done'), job('3', 'running')] });
    flushNotificationList();
    const ticks = sse.expectConnection('/api/ticks');
    const events = sse.expectConnection('/api/events');
    events.open();
    for (const id of ['n1', 'n2']) {
      const notification = { id, level: 'INFO', title: id, message: '', createdAt: '' };
      events.emit('notification', notification, id);
    }
    events.emit('metric', { name: 'cpu', value: 42, at: NOW - 2000 }, '3');
    events.emit('metric', { name: 'cpu', value: 40, at: NOW - 1000 }, '4');
    events.emit('metric', { name: 'mem', value: 512, at: NOW - 1000 }, '5');
    ticks.open();
    ticks.emit('tick', { n: 9, at: NOW }, '9');
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();

    expect(await (await card('Unread notifications')).getAccessibleName()).toBe(
      'Unread notifications: 2',
    );
    expect(await (await card('Running jobs')).getValue()).toBe('2');
    const chart = await loader.getHarness(MetricChartHarness);
    expect((await chart.getLegend()).map((entry) => entry.name)).toEqual(['cpu', 'mem']);
    expect(await chart.getLabel()).toContain('cpu 40 %, mem 512 value');
    expect(await (await loader.getHarness(LiveTicksHarness)).getText()).toContain('tick #9');
  });

  it('shows the event rate without announcing it every second', async () => {
    setUp({
      provide: MetricStore,
      useValue: { series: signal(new Map()), eventsPerSecond: signal(1250) },
    });
    const fixture = TestBed.createComponent(OverviewPage);
    const loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
    sse.expectConnection('/api/ticks');

    const rate = await loader.getHarness(SummaryCardHarness.with({ label: 'Events per second' }));
    expect(await rate.getAccessibleName()).toBe('Events per second: 1,250');
    expect(await rate.isAnnounced()).toBeFalse();
  });
});
