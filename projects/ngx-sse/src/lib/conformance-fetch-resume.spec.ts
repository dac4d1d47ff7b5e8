import { until } from './sse-stub.spec-helper';
import { playWire, seenMessage } from './wire-client.spec-helper';

// WHATWG HTML "Server-sent events", the last event ID and the reconnection time, probed end to
// end on the fetch transport: what an attempt sends depends on everything the previous ones read.
describe('WHATWG event stream conformance, fetch transport end to end: resuming and retry', () => {
  it('resumes from the id in force: ids persist, NUL ids and unterminated blocks do not count', async () => {
    const { stream, seen, sent, nextAttempt } = playWire([
      { reads: ['id: 1\ndata: a\n\ndata: b\n\nid: 2\0x\ndata: c\n\nid: 3\ndata: d'] },
    ]);
    await until(() => seen.length === 3, 'three events');
    expect(seen).toEqual([seenMessage('a', '1'), seenMessage('b', '1'), seenMessage('c', '1')]);
    await nextAttempt();
    expect(sent[1].get('Last-Event-ID')).toBe('1');
    stream.close();
  });

  it("an event without an id on the next response carries the previous response's last id", async () => {
    const { stream, seen, nextAttempt } = playWire([
      { reads: ['id: 7\ndata: a\n\n'] },
      { reads: ['data: b\n\n'] },
    ]);
    await until(() => seen.length === 1, 'the first event');
    await nextAttempt();
    await until(() => seen.length === 2, 'the second response');
    expect(seen).toEqual([seenMessage('a', '7'), seenMessage('b', '7')]);
    stream.close();
  });

  it('sends no Last-Event-ID once an event reset the id to empty', async () => {
    const { stream, seen, sent, nextAttempt } = playWire(
      [{ reads: ['id: 1\ndata: a\n\nid:\ndata: b\n\n'] }],
      { lastEventId: 'x' },
    );
    await until(() => seen.length === 2, 'two events');
    expect(seen).toEqual([seenMessage('a', '1'), seenMessage('b', '')]);
    expect(sent[0].get('Last-Event-ID')).toBe('x');
    await nextAttempt();
    expect(sent[1].has('Last-Event-ID')).toBeFalse();
    expect(stream.diagnostics().lastEventId).toBe('');
    stream.close();
  });

  // A server's `id:`-only frame moves the last event ID string without an event; the spec's
  // reconnect sends whatever that string is at the end, even when the frame shares a read with
  // the event whose id it replaces.
  for (const { name, reads, expected } of [
    {
      name: 'an id-only frame that resets it',
      reads: ['id: 1\ndata: a\n\nid\n\n'],
      expected: null,
    },
    {
      name: 'an id-only frame back to the id in force before the read',
      reads: ['id: 1\n\n', 'id: 2\ndata: b\n\nid: 1\n\n'],
      expected: '1',
    },
  ]) {
    it(`resumes from ${name}, in the same read as an event with another id`, async () => {
      const { stream, sent, nextAttempt } = playWire([{ reads }]);
      await until(() => stream.diagnostics().eventsReceived === 1, 'the event');
      await nextAttempt();
      expect(sent[1].get('Last-Event-ID')).toBe(expected);
      expect(stream.diagnostics().lastEventId).toBe(expected ?? '');
      stream.close();
    });
  }

  it('retry: sets the reconnection delay, kept across responses; a value with anything but digits is ignored', async () => {
    const { stream, nextAttempt } = playWire([
      { reads: ['retry: 2500\n\n'] },
      { reads: ['retry: 2.5e3\nretry: 100x\nretry: -1\n\n'] },
      { reads: ['retry: 300\n'] },
    ]);
    const delays: (number | null)[] = [];
    for (let n = 1; n <= 3; n++) {
      await until(() => stream.state().status === 'reconnecting', `attempt ${n} to end`);
      const state = stream.state();
      delays.push(state.status === 'reconnecting' ? state.delayMs : null);
      await nextAttempt();
    }
    // The backoff's jitter is 0 here, so each delay is the server's reconnection time.
    expect(delays).toEqual([2500, 2500, 300]);
    stream.close();
  });
});
