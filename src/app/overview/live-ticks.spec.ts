import { TestBed } from '@angular/core/testing';
import { SseTestingController, provideSseTesting } from 'ngx-sse/testing';

import { LiveTicks } from './live-ticks';

describe('LiveTicks', () => {
  let controller: SseTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideSseTesting()] });
    controller = TestBed.inject(SseTestingController);
  });

  afterEach(() => controller.verify());

  it('shows the latest tick from /api/ticks', async () => {
    const fixture = TestBed.createComponent(LiveTicks);
    const status = (): string =>
      fixture.nativeElement.querySelector('[role="status"]').textContent.trim();
    await fixture.whenStable();
    expect(status()).toBe('Waiting for the first tick…');

    const connection = controller.expectConnection('/api/ticks');
    connection.open();
    connection.emit('tick', { n: 7, at: 0 }, '7');
    await fixture.whenStable();
    expect(status()).toBe('Tick #7');
  });

  it('is not announced: a tick a second would drown every other message', async () => {
    const fixture = TestBed.createComponent(LiveTicks);
    await fixture.whenStable();
    controller.expectConnection('/api/ticks');
    const status: HTMLElement = fixture.nativeElement.querySelector('[role="status"]');
    expect(status.getAttribute('aria-live')).toBe('off');
  });

  it('closes the stream when the component is destroyed', async () => {
    const fixture = TestBed.createComponent(LiveTicks);
    await fixture.whenStable();
    const connection = controller.expectConnection('/api/ticks');
    fixture.destroy();
    expect(connection.cancelled).toBeTrue();
  });
});
