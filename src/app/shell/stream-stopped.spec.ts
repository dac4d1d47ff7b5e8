import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { SseTestingController } from 'ngx-sse/testing';

import { openLiveStream, provideLiveTesting } from '../testing/live-testing';
import { StreamStopped } from './stream-stopped';

describe('StreamStopped', () => {
  async function setup() {
    TestBed.configureTestingModule({ providers: provideLiveTesting() });
    const fixture = TestBed.createComponent(StreamStopped);
    const loader = TestbedHarnessEnvironment.loader(fixture);
    const connection = await openLiveStream(fixture);
    const reconnect = () => loader.getAllHarnesses(MatButtonHarness.with({ text: 'Reconnect' }));
    return { fixture, connection, reconnect };
  }

  it('says nothing while the stream is open or retrying by itself', async () => {
    const { fixture, connection, reconnect } = await setup();
    expect(await reconnect()).toEqual([]);
    connection.fail(); // dropped: it retries by itself
    await fixture.whenStable();
    expect(await reconnect()).toEqual([]);
  });

  it('says the stream stopped for good, and why, and Reconnect opens it again', async () => {
    const { fixture, connection, reconnect } = await setup();
    // What the fetch transport reports when a reconnect is answered 204.
    connection.fail({ reason: 'http', status: 204 });
    await fixture.whenStable();
    const region: HTMLElement = fixture.nativeElement.querySelector('[role="region"]');
    expect(region.getAttribute('aria-label')).toBe('Live updates stopped');
    expect(region.textContent).toContain('The stream stopped (no-content) and will not reconnect');

    const [button] = await reconnect();
    await button.click();
    TestBed.inject(SseTestingController).expectConnection('/api/events').open();
    await fixture.whenStable();
    expect(await reconnect()).toEqual([]);
  });
});
