import type { SseState } from 'ngx-sse';

import { setupTabs } from './fake-tabs.spec-helper';

// A follower waits for its leader: the failures the leader relays must never start a backoff of
// the follower's own, however fast they come, or it would leave the group and miss what the
// leader relays meanwhile (the review of the hasty-drop rule found that it did).
describe('withCrossTabSharing: a leader failing fast, again and again', () => {
  it('keeps the follower attached, waiting, and it gets every event', async () => {
    const { browser, tabs, live, scheduler } = setupTabs(2);
    scheduler.randomValue = 0.1; // delays of 100, 200, 400 ms: each failure follows fast
    const streams = tabs.map((tab) =>
      tab.stream<Record<string, unknown>>('/e', { transport: 'fetch' }),
    );
    const got: string[][] = [[], []];
    const states: SseState[][] = [[], []];
    streams.forEach((stream, i) => {
      stream.on('n').subscribe((message) => got[i].push(message.lastEventId));
      stream.state$.subscribe((state) => states[i].push(state));
    });
    await browser.settle();
    let connection = live('/e')[0];
    connection.open();
    connection.emit('n', {}, '1');
    await browser.settle();
    const follower = streams[0].diagnostics().role === 'leader' ? 1 : 0;

    for (let i = 0; i < 4; i++) {
      if (i === 0) connection.fail();
      else connection.fail({ status: 503 });
      await browser.settle();
      for (let t = 0; t < 100 && !live('/e')[0]; t++) {
        scheduler.tick(50);
        await browser.settle();
      }
      connection = live('/e')[0];
    }
    connection.open();
    connection.emit('n', {}, '2');
    await browser.settle();

    const delays = states[follower].flatMap((s) =>
      s.status === 'reconnecting' ? [s.delayMs] : [],
    );
    expect(delays.length).toBeGreaterThan(0);
    expect(delays.every((ms) => ms === null))
      .withContext(`follower delays ${JSON.stringify(delays)}`)
      .toBeTrue();
    expect(got[follower]).toEqual(['1', '2']);
    expect(live('/e').length).toBe(1);
  });
});
