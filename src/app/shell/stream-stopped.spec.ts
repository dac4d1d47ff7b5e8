import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { SSE_SCHEDULER } from 'ngx-sse';
import { FakeSseScheduler, SseTestingController } from 'ngx-sse/testing';

import { openLiveStream, provideLiveTesting } from '../testing/live-testing';
import { StreamStopped } from './stream-stopped';

describe('StreamStopped', () => {
  async function setup() {
    const scheduler = new FakeSseScheduler();
    TestBed.configureTestingModule({
      providers: [...provideLiveTesting(), { provide: SSE_SCHEDULER, useValue: scheduler }],
    });
    const fixture = TestBed.createComponent(StreamStopped);
    const loader = TestbedHarnessEnvironment.loader(fixture);
    const connection = await openLiveStream(fixture);
    const reconnect = () => loader.getAllHarnesses(MatButtonHarness.with({ text: 'Reconnect' }));
    return { fixture, connection, reconnect, scheduler };
  }

  it('says nothing while the stream is open or retrying by itself', async () => {
    const { fixture, connection, reconnect } = await setup();
    expect(await reconnect()).toEqual([]);
    connection.fail(); // dropped: it retries by itself
    await fixture.whenStable();
    expect(await reconnect()).toEqual([]);
  });

  it('says the stream stopped for good, and why, and Reconnect opens it again', async () => {
    const { fixture, connection, reconnect, scheduler } = await setup();
    // It drops, and the server answers the reconnect with a 204.
    connection.fail();
    scheduler.tick(1000);
    TestBed.inject(SseTestingController).expectConnection('/api/events').fail({ status: 204 });
    await fixture.whenStable();
    const region: HTMLElement = fixture.nativeElement.querySelector('[role="region"]');
    expect(region.getAttribute('aria-label')).toBe('Live updates stopped');
    expect(region.textContent).toContain('The stream stopped (no-content) and will not reconnect');

    // The page's heading, where focus goes when the banner, and its button with it, goes.
    const main = document.body.appendChild(document.createElement('main'));
    const heading = main.appendChild(document.createElement('h2'));
    const [button] = await reconnect();
    await button.click();
    TestBed.inject(SseTestingController).expectConnection('/api/events').open();
    await fixture.whenStable();
    expect(await reconnect()).toEqual([]);
    expect(document.activeElement).toBe(heading);
    main.remove();
  });
});
