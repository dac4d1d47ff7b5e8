import { withReconnect } from 'ngx-sse';

import { type TestEvents, setup } from './testing.spec-helper';

describe('SseStream backoff after a successful reopen', () => {
  /** Fails `cycles` attempts, each after `delivering` events, and returns the delays chosen. */
  function delaysOver(cycles: number, delivering: number): number[] {
    const { client, controller, scheduler } = setup([
      withReconnect({ initialDelayMs: 100, maxDelayMs: 10_000, resetAfterMs: 60_000 }),
    ]);
    // fetch: the library reconnects from a drop (an EventSource reconnects by itself).
    const stream = client.stream<TestEvents>('/e', { transport: 'fetch' });
    const subscription = stream.on('notification').subscribe();
    const delays: number[] = [];
    for (let i = 0; i < cycles; i++) {
      const connection = controller.expectConnection('/e');
      connection.open();
      for (let n = 0; n < delivering; n++)
        connection.emit('notification', { title: `${i}` }, `${i}`);
      connection.fail();
      const state = stream.state();
      delays.push(state.status === 'reconnecting' ? state.delayMs! : -1);
      scheduler.tick(delays.at(-1)!);
    }
    subscription.unsubscribe();
    return delays;
  }

  it('a drop right after each reopen that delivered an event stays at the initial delay', () => {
    expect(delaysOver(5, 1)).toEqual([100, 100, 100, 100, 100]);
  });

  it('a server that accepts and drops before any event is still backed off', () => {
    expect(delaysOver(5, 0)).toEqual([100, 200, 400, 800, 1600]);
  });
});
