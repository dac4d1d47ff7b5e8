import { SseError, type SseDeserializer } from 'ngx-sse';

import { setup } from './testing.spec-helper';

describe('SseStream parse errors and deserialization', () => {
  it('one bad payload with two JSON handles and one text handle: one parse error, on the JSON handles only', () => {
    const { client, controller } = setup();
    const handles = [
      client.stream('/e'),
      client.stream('/e'),
      client.stream('/e', { deserialize: 'text' }),
    ];
    const errors = handles.map(() => [] as SseError[]);
    const got = handles.map(() => [] as unknown[]);
    handles.forEach((handle, i) => {
      handle.errors$.subscribe((e) => errors[i].push(e));
      handle.on('n').subscribe(({ data }) => got[i].push(data));
    });
    const connection = controller.expectConnection('/e');
    connection.open();
    controller.verify();
    connection.emit('n', '{broken');

    expect(handles[0].diagnostics().parseErrors).toBe(1);
    expect(errors.map((list) => list.length)).toEqual([1, 1, 0]);
    expect(errors[0][0]).toBe(errors[1][0]);
    expect(errors[0][0].reason).toBe('parse');
    // The JSON parser's own words are in the message, not only in `cause`.
    const { message } = errors[0][0].cause as SyntaxError;
    expect(errors[0][0].detail).toBe(`bad n payload: ${message}`);
    expect(handles[2].diagnostics().lastError).toBe(errors[0][0]);
    expect(got).toEqual([[], [], ['{broken']]);
  });

  it('deserializes each event once per deserializer, however many handles and subscriptions share it', () => {
    const { client, controller } = setup();
    let calls = 0;
    const counting: SseDeserializer = (data) => {
      calls++;
      return JSON.parse(data);
    };
    const a = client.stream('/e', { deserialize: counting });
    const b = client.stream('/e', { deserialize: counting });
    const text = client.stream('/e', { deserialize: 'text' });
    const errors: SseError[] = [];
    a.errors$.subscribe((e) => errors.push(e));
    a.on('n').subscribe();
    a.on('n').subscribe();
    b.on('n').subscribe();
    // events() takes every name: the same deserializer is not run a second time for it.
    b.events().subscribe();
    text.on('n').subscribe();
    const connection = controller.expectConnection('/e');
    connection.open();
    connection.emit('n', '{"v":1}');
    connection.emit('n', '{"v":2}');
    expect(calls).toBe(2);
    connection.emit('n', 'not json');
    expect(calls).toBe(3);
    expect(a.diagnostics().parseErrors).toBe(1);
    expect(errors.length).toBe(1);
  });

  it('a handle on several names hears one parse error per bad event', () => {
    const { client, controller } = setup();
    const stream = client.stream('/e');
    const errors: SseError[] = [];
    stream.errors$.subscribe((e) => errors.push(e));
    stream.on('n').subscribe();
    stream.events().subscribe();
    const accepted = controller.expectConnection('/e');
    accepted.open();
    accepted.emit('n', '{broken');
    expect(errors.length).toBe(1);
    expect(stream.diagnostics().parseErrors).toBe(1);
  });
});
