import { InjectionToken, inject } from '@angular/core';
import { TestBed } from '@angular/core/testing';

import { configureKit } from './kit.spec-helper';

const TOKEN = new InjectionToken<{ value: string }>('TOKEN');

describe('ngx-sse/testing: TestConnection.headers() is what the fetch transport would send', () => {
  it("merges withFetchTransport()'s headers under the stream's own, with Accept", async () => {
    const { client, controller } = configureKit({
      headers: { Authorization: 'Bearer default', 'X-Both': 'default' },
    });
    client
      .stream('/a', { transport: 'fetch', headers: { 'X-Topic': 'metrics', 'X-Both': 'stream' } })
      .events()
      .subscribe();
    const connection = controller.expectConnection('/a');
    // request.fetch keeps the stream's own settings only; headers() adds what the transport adds.
    expect(connection.request.fetch.headers).toEqual({ 'X-Topic': 'metrics', 'X-Both': 'stream' });
    expect([...(await connection.headers())]).toEqual([
      ['accept', 'text/event-stream'],
      ['authorization', 'Bearer default'],
      ['x-both', 'stream'],
      ['x-topic', 'metrics'],
    ]);
  });

  it('runs header functions per attempt, when the attempt starts, as the transport does', async () => {
    let token = 't1';
    let calls = 0;
    const { client, controller, scheduler } = configureKit({
      headers: () => ({ Authorization: `Bearer ${token}`, 'X-Call': String(++calls) }),
    });
    client
      .stream('/a', { transport: 'fetch', headers: async () => ({ 'X-Attempt': token }) })
      .events()
      .subscribe();
    const first = controller.expectConnection('/a');
    const before = await first.headers();
    token = 't2';
    first.fail();
    scheduler.tick(30_000);
    const after = await controller.expectConnection('/a').headers();
    expect([before.get('Authorization'), before.get('X-Attempt')]).toEqual(['Bearer t1', 't1']);
    expect([after.get('Authorization'), after.get('X-Attempt')]).toEqual(['Bearer t2', 't2']);
    // Computed once, when the attempt started, not when the test asks.
    expect((await first.headers()).get('Authorization')).toBe('Bearer t1');
    expect([before.get('X-Call'), after.get('X-Call'), calls]).toEqual(['1', '2', 2]);
  });

  it("runs withFetchTransport()'s header function in its injector's context, on every attempt", async () => {
    const token = { value: 't1' };
    TestBed.configureTestingModule({ providers: [{ provide: TOKEN, useValue: token }] });
    const { client, controller, scheduler } = configureKit({
      headers: () => ({ Authorization: `Bearer ${inject(TOKEN).value}` }),
    });
    client.stream('/a', { transport: 'fetch' }).events().subscribe();
    const first = controller.expectConnection('/a');
    expect((await first.headers()).get('Authorization')).toBe('Bearer t1');
    first.open();
    first.fail();
    token.value = 't2';
    // The reconnect starts from a timer, outside any injection context.
    scheduler.tick(30_000);
    expect((await controller.expectConnection('/a').headers()).get('Authorization')).toBe(
      'Bearer t2',
    );
  });

  it('sends Last-Event-ID when resuming, UTF-8 encoded as a browser sends it', async () => {
    const { client, controller, scheduler } = configureKit();
    client.stream('/a', { transport: 'fetch' }).events().subscribe();
    const first = controller.expectConnection('/a');
    expect((await first.headers()).has('Last-Event-ID')).toBeFalse();
    first.open();
    first.emit('message', 'x', 'café-7');
    first.fail();
    scheduler.tick(30_000);
    const resumed = controller.expectConnection('/a');
    expect(resumed.request.lastEventId).toBe('café-7');
    const bytes = [...new TextEncoder().encode('café-7')];
    expect((await resumed.headers()).get('Last-Event-ID')).toBe(String.fromCharCode(...bytes));
  });

  it('rejects, naming the reason, and fails the attempt as the transport does, when the headers cannot be built', async () => {
    let down = true;
    const { client, controller } = configureKit({
      headers: () => {
        if (down) throw new Error('token store down');
        return {};
      },
    });
    const a = client.stream('/a', { transport: 'fetch' });
    a.events().subscribe();
    const first = controller.expectConnection('/a');
    await expectAsync(first.headers()).toBeRejectedWithError(
      /would fail this attempt on \/a before sending it \(network: .*token store down\)/,
    );
    // Nothing was sent: the client retries, and the test cannot answer the unsent request.
    expect(a.state()).toEqual(
      jasmine.objectContaining({ status: 'reconnecting', reason: 'network' }),
    );
    expect(() => first.open()).toThrowError(/failed before sending it/);
    down = false;
    const b = client.stream('/b', { transport: 'fetch', headers: () => ({ 'Bad Name': 'x' }) });
    b.events().subscribe({ error: () => undefined });
    await expectAsync(controller.expectConnection('/b').headers()).toBeRejectedWithError(
      /\(invalid-request: invalid header/,
    );
    expect(b.state()).toEqual(
      jasmine.objectContaining({ status: 'closed', reason: 'invalid-request' }),
    );
    controller.verify({ ignoreCancelled: true });
  });

  it('throws on an EventSource attempt: a browser EventSource sends no headers of the app', () => {
    const { client, controller } = configureKit();
    client.stream('/es').events().subscribe();
    expect(() => controller.expectConnection('/es').headers()).toThrowError(
      /headers\(\) on eventsource.*use the fetch transport \(on \/es\)/,
    );
  });
});
