import { withDiagnosticsLog, type SseState } from 'ngx-sse';

import { type TestEvents, setup } from './testing.spec-helper';

describe('SseStream state and diagnostics', () => {
  it('goes idle → connecting → open → reconnecting → open → closed, as Observable and Signal', () => {
    const { client, controller, scheduler } = setup();
    const stream = client.stream<TestEvents>('/e', { transport: 'fetch' });
    const seen: SseState[] = [];
    stream.state$.subscribe((s) => seen.push(s));
    const subscription = stream.on('notification').subscribe();
    const first = controller.expectConnection('/e');
    first.open();
    expect(stream.state()).toEqual({ status: 'open' });
    first.fail();
    const dropped = jasmine.objectContaining({ reason: 'network', attempt: 1 });
    expect(stream.state()).toEqual({
      status: 'reconnecting',
      attempt: 1,
      delayMs: 1000,
      reason: 'network',
      error: dropped,
    });
    scheduler.tick(1000);
    controller.expectConnection('/e').open();
    stream.close();
    expect(seen).toEqual([
      { status: 'idle' },
      { status: 'connecting' },
      { status: 'open' },
      { status: 'reconnecting', attempt: 1, delayMs: 1000, reason: 'network', error: dropped },
      { status: 'open' },
      { status: 'closed', reason: 'closed', error: null },
    ]);
    expect(subscription.closed).toBeTrue();
  });

  it('counts events and reconnects, and tracks lastEventId, connectedAt, lastEventAt and lastError', () => {
    const { client, controller, scheduler } = setup();
    const stream = client.stream<TestEvents>('/e');
    const subscription = stream.on('notification').subscribe();
    scheduler.tick(100);
    const connection = controller.expectConnection('/e');
    connection.open();
    scheduler.tick(50);
    connection.emit('notification', { title: 'a' }, '1');
    connection.emit('notification', { title: 'b' }, '2');
    connection.fail();
    const diagnostics = stream.diagnostics();
    expect(diagnostics.eventsReceived).toBe(2);
    expect(diagnostics.reconnects).toBe(1);
    expect(diagnostics.lastEventId).toBe('2');
    expect(diagnostics.connectedAt).toBe(100);
    expect(diagnostics.lastEventAt).toBe(150);
    expect(diagnostics.lastError?.reason).toBe('network');
    expect(diagnostics.lastError?.attempt).toBe(1);
    subscription.unsubscribe();
  });

  it('exposes diagnostics as an Observable too', () => {
    const { client, controller } = setup();
    const stream = client.stream<TestEvents>('/e');
    const counts: number[] = [];
    stream.diagnostics$.subscribe((d) => counts.push(d.eventsReceived));
    const subscription = stream.on('notification').subscribe();
    const accepted = controller.expectConnection('/e');
    accepted.open();
    accepted.emit('notification', { title: 'a' });
    expect(counts.at(-1)).toBe(1);
    subscription.unsubscribe();
  });

  it('keeps a bounded, time-stamped transition log', () => {
    const { client, controller, scheduler } = setup([withDiagnosticsLog(3)]);
    const stream = client.stream<TestEvents>('/e', { transport: 'fetch' });
    const subscription = stream.on('notification').subscribe();
    const first = controller.expectConnection('/e');
    scheduler.tick(10);
    first.open();
    scheduler.tick(10);
    first.fail();
    scheduler.tick(1000);
    controller.expectConnection('/e').open();
    expect(stream.diagnostics().log.map((t) => [t.at, t.state.status])).toEqual([
      [10, 'open'],
      [20, 'reconnecting'],
      [1020, 'open'],
    ]);
    subscription.unsubscribe();
  });
});
