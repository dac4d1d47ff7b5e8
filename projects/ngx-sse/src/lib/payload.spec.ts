import { SseError, type SseMessage } from 'ngx-sse';

import { type TestEvents, setup } from './testing.spec-helper';

describe('SseStream payloads', () => {
  it('carries data, type, lastEventId and a receive timestamp', () => {
    const { client, controller, scheduler } = setup();
    scheduler.tick(1234);
    const got: SseMessage<TestEvents['notification']>[] = [];
    const subscription = client
      .stream<TestEvents>('/e')
      .on('notification')
      .subscribe((m) => got.push(m));
    const accepted = controller.expectConnection('/e');
    accepted.open();
    accepted.emit('notification', { title: 'a' }, '9');
    expect(got).toEqual([
      { type: 'notification', data: { title: 'a' }, lastEventId: '9', receivedAt: 1234 },
    ]);
    subscription.unsubscribe();
  });

  it('deserializes JSON by default, text on request, or with a custom function', () => {
    const { client, controller } = setup();
    const json: unknown[] = [];
    const text: unknown[] = [];
    const custom: unknown[] = [];
    const subs = [
      client
        .stream('/e')
        .on('n')
        .subscribe(({ data }) => json.push(data)),
      client
        .stream('/e', { deserialize: 'text' })
        .on('n')
        .subscribe(({ data }) => text.push(data)),
      client
        .stream('/e', { deserialize: (data, type) => `${type}:${data.length}` })
        .on('n')
        .subscribe(({ data }) => custom.push(data)),
    ];
    const accepted = controller.expectConnection('/e');
    accepted.open();
    accepted.emit('n', '{"v":1}');
    expect(json).toEqual([{ v: 1 }]);
    expect(text).toEqual(['{"v":1}']);
    expect(custom).toEqual(['n:7']);
    subs.forEach((s) => s.unsubscribe());
  });

  it('reports a payload that fails to deserialize as a typed parse error, and goes on', () => {
    const { client, controller } = setup();
    const stream = client.stream<TestEvents>('/e');
    const errors: SseError[] = [];
    const got: string[] = [];
    let completed = false;
    stream.errors$.subscribe((e) => errors.push(e));
    const subscription = stream.on('notification').subscribe({
      next: ({ data }) => got.push(data.title),
      complete: () => (completed = true),
    });
    const connection = controller.expectConnection('/e');
    connection.open();
    connection.emit('notification', '{not json');
    connection.emit('notification', { title: 'after' });

    expect(got).toEqual(['after']);
    expect(completed).toBeFalse();
    expect(errors.length).toBe(1);
    expect(errors[0]).toBeInstanceOf(SseError);
    expect(errors[0].reason).toBe('parse');
    expect(errors[0].url).toBe('/e');
    expect(errors[0].cause).toBeInstanceOf(SyntaxError);
    expect(stream.diagnostics().parseErrors).toBe(1);
    expect(stream.diagnostics().lastError).toBe(errors[0]);
    subscription.unsubscribe();
  });

  it("does not affect other subscribers: a text stream still gets the payload JSON can't parse", () => {
    const { client, controller } = setup();
    const text: string[] = [];
    const json: unknown[] = [];
    const subs = [
      client
        .stream('/e')
        .on('n')
        .subscribe(({ data }) => json.push(data)),
      client
        .stream('/e', { deserialize: 'text' })
        .on('n')
        .subscribe(({ data }) => text.push(data as string)),
    ];
    const accepted = controller.expectConnection('/e');
    accepted.open();
    accepted.emit('n', 'plain words');
    expect(text).toEqual(['plain words']);
    expect(json).toEqual([]);
    subs.forEach((s) => s.unsubscribe());
  });
});
