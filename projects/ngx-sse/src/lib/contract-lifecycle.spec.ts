import { SseError, withLinger } from 'ngx-sse';
import { Subscription } from 'rxjs';

import { type ContractEvents, contractSetup } from './contract.spec-helper';

describe('contract: lifecycle (webSocket-style)', () => {
  it('lazy: reading state, state$, diagnostics, diagnostics$ and errors$ opens nothing', () => {
    const { client, controller } = contractSetup();
    const stream = client.stream<ContractEvents>('/lazy');
    stream.state();
    stream.diagnostics();
    const subs = [
      stream.state$.subscribe(),
      stream.diagnostics$.subscribe(),
      stream.errors$.subscribe(),
    ];
    expect(controller.match('/lazy').length).toBe(0);
    expect(stream.state().status).toBe('idle');
    subs.forEach((s) => s.unsubscribe());
  });

  it('lingers lingerMs after the last subscriber, then closes with reason unsubscribed', () => {
    const { client, controller, scheduler } = contractSetup([withLinger(1000)]);
    const stream = client.stream<ContractEvents>('/linger');
    const sub = stream.on('a').subscribe();
    const first = controller.expectConnection('/linger');
    first.open();
    first.emit('a', { n: 1 }, '7');
    sub.unsubscribe();
    scheduler.tick(999);
    expect(first.cancelled).toBeFalse();
    scheduler.tick(1);
    expect(first.cancelled).toBeTrue();
    expect(stream.state()).toEqual(
      jasmine.objectContaining({ status: 'closed', reason: 'unsubscribed' }),
    );
    // Closed by its subscribers, it starts afresh, as a new stream would (documented on
    // SseDiagnostics.lastEventId and in the README's `unsubscribed` row).
    const again = stream.on('a').subscribe();
    expect(controller.expectConnection('/linger').request.lastEventId).toBe('');
    again.unsubscribe();
  });

  for (const transport of ['eventsource', 'fetch'] as const) {
    it(`${transport}: re-subscribe after the last subscriber left (no linger) starts afresh from the lastEventId option`, () => {
      const { client, controller } = contractSetup();
      const stream = client.stream<ContractEvents>('/resub-' + transport, { transport });
      const sub = stream.on('a').subscribe();
      const first = controller.expectConnection('/resub-' + transport);
      first.open();
      first.emit('a', { n: 1 }, '7');
      sub.unsubscribe();
      expect(stream.diagnostics().lastEventId).toBe('7');
      const again = stream.on('a').subscribe();
      const second = controller.expectConnection('/resub-' + transport);
      expect(second.request.lastEventId).toBe('');
      again.unsubscribe();
    });
  }

  it('after a fatal stop, a restart resumes from the last id (CHANGELOG rc)', () => {
    const { client, controller } = contractSetup();
    const stream = client.stream<ContractEvents>('/fatal-resume', { transport: 'fetch' });
    stream.on('a').subscribe({ error: () => undefined });
    const first = controller.expectConnection('/fatal-resume');
    first.open();
    first.emit('a', { n: 1 }, '9');
    first.fail({ reason: 'too-large' });
    stream.on('a').subscribe({ error: () => undefined });
    expect(controller.expectConnection('/fatal-resume').request.lastEventId).toBe('9');
  });

  it('re-subscribing within the linger keeps the same connection', () => {
    const { client, controller, scheduler } = contractSetup([withLinger(1000)]);
    const stream = client.stream<ContractEvents>('/linger2');
    stream.on('a').subscribe().unsubscribe();
    const first = controller.expectConnection('/linger2');
    scheduler.tick(500);
    const sub = stream.on('a').subscribe();
    scheduler.tick(5000);
    expect(first.cancelled).toBeFalse();
    controller.verify();
    sub.unsubscribe();
  });

  it('a fatal failure errors on(), events() and comments() subscribers with the same SseError', () => {
    const { client, controller } = contractSetup();
    const stream = client.stream<ContractEvents>('/fatal', { transport: 'fetch', comments: true });
    const errors: unknown[] = [];
    const sink = { error: (e: unknown) => errors.push(e) };
    stream.on('a').subscribe(sink);
    stream.events().subscribe(sink);
    stream.comments().subscribe(sink);
    controller.expectConnection('/fatal').fail({ status: 404 });
    expect(errors.length).toBe(3);
    expect(
      errors.every((e) => e instanceof SseError && e.reason === 'http' && e.status === 404),
    ).toBeTrue();
    expect(new Set(errors).size).toBe(1);
  });

  it('after a fatal close, a late subscriber: reconnects (documented "a later subscribe opens it again")', () => {
    const { client, controller } = contractSetup();
    const stream = client.stream<ContractEvents>('/late', { transport: 'fetch' });
    stream.on('a').subscribe({ error: () => undefined });
    controller.expectConnection('/late').fail({ status: 404 });
    let lateError: unknown;
    let lateComplete = false;
    stream
      .on('a')
      .subscribe({ error: (e) => (lateError = e), complete: () => (lateComplete = true) });
    const made = controller.match('/late');
    // Record what happens: either a new attempt or an immediate error replaying the SseError.
    expect({
      attempts: made.length,
      erroredAtOnce: lateError instanceof SseError,
      lateComplete,
    }).toEqual({ attempts: 1, erroredAtOnce: false, lateComplete: false });
  });

  it('a 204 completes every subscriber, no error', () => {
    const { client, controller } = contractSetup();
    const stream = client.stream<ContractEvents>('/done', { transport: 'fetch' });
    let completed = 0;
    let errored = 0;
    stream.on('a').subscribe({ complete: () => completed++, error: () => errored++ });
    stream.events().subscribe({ complete: () => completed++, error: () => errored++ });
    controller.expectConnection('/done').fail({ status: 204 });
    expect({ completed, errored }).toEqual({ completed: 2, errored: 0 });
  });

  it('close() inside a next handler: no further event, completes, no reconnect', () => {
    const { client, controller, scheduler } = contractSetup();
    const stream = client.stream<ContractEvents>('/inner');
    const seen: number[] = [];
    let completed = false;
    stream.on('a').subscribe({
      next: ({ data }) => {
        seen.push(data.n);
        stream.close();
      },
      complete: () => (completed = true),
    });
    const c = controller.expectConnection('/inner');
    c.open();
    c.emit('a', { n: 1 });
    expect(() => c.emit('a', { n: 2 })).toThrowError(/ngx-sse\/testing/);
    scheduler.tick(60_000);
    expect({ seen, completed, cancelled: c.cancelled }).toEqual({
      seen: [1],
      completed: true,
      cancelled: true,
    });
    controller.verify();
  });

  it('unsubscribing inside error is harmless', () => {
    const { client, controller } = contractSetup();
    const stream = client.stream<ContractEvents>('/unsub-err', { transport: 'fetch' });
    let subscription: Subscription | undefined = undefined;
    let calls = 0;
    subscription = stream.on('a').subscribe({
      error: () => {
        calls++;
        subscription?.unsubscribe();
      },
    });
    expect(() => controller.expectConnection('/unsub-err').fail({ status: 400 })).not.toThrow();
    expect(calls).toBe(1);
  });

  it('two handles on one connection: one close() leaves the other running', () => {
    const { client, controller } = contractSetup();
    const one = client.stream<ContractEvents>('/shared');
    const two = client.stream<ContractEvents>('/shared');
    let oneDone = false;
    const twoSeen: number[] = [];
    one.on('a').subscribe({ complete: () => (oneDone = true) });
    two.on('a').subscribe(({ data }) => twoSeen.push(data.n));
    const c = controller.expectConnection('/shared');
    c.open();
    one.close();
    c.emit('a', { n: 1 });
    expect({ oneDone, twoSeen, cancelled: c.cancelled, state: two.state().status }).toEqual({
      oneDone: true,
      twoSeen: [1],
      cancelled: false,
      state: 'open',
    });
    controller.verify();
  });

  it('after close(), a handle keeps reading the shared connection state while another holds it', () => {
    const { client, controller } = contractSetup();
    const one = client.stream<ContractEvents>('/shared2');
    const two = client.stream<ContractEvents>('/shared2');
    one.on('a').subscribe();
    two.on('a').subscribe();
    controller.expectConnection('/shared2').open();
    one.close();
    expect({ one: one.state().status, two: two.state().status }).toEqual({
      one: 'open',
      two: 'open',
    });
  });
});
