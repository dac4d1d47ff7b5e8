import { withMaxEventSize } from 'ngx-sse';

import { eventStream, probeStream, recordingFetch } from './probe.spec-helper';

/** Plays `body` (one read per entry) to a fetch stream whose maxEventSize is 64. */
function play(...reads: string[]) {
  const encoder = new TextEncoder();
  const wire = recordingFetch((n) =>
    n > 1
      ? eventStream(null)
      : eventStream(
          new ReadableStream({
            start(controller) {
              for (const read of reads) controller.enqueue(encoder.encode(read));
              controller.close();
            },
          }),
        ),
  );
  return { ...probeStream(wire.fetch, { features: [withMaxEventSize(64)] }), wire };
}

describe('probe: bodies a hostile server sends', () => {
  for (const line of [`data: ${'x'.repeat(70)}`, `id: ${'1'.repeat(70)}`, `: ${'c'.repeat(70)}`]) {
    it(`a line longer than maxEventSize stops the stream with too-large: ${line.slice(0, 6)}…`, async () => {
      const { stream, data, errors, reached, wire } = play('data: before\n\n', `${line}\n\n`);
      await reached('closed');
      expect(stream.state()).toEqual(jasmine.objectContaining({ reason: 'too-large' }));
      expect(errors.map((e) => e.reason)).toEqual(['too-large']);
      expect(data).toEqual(['before']);
      expect(wire.open()).toBe(0);
    });
  }

  it('many tiny data lines with no blank line add up to too-large, dispatching nothing', async () => {
    const { stream, data, reached } = play('data: x\n'.repeat(1000));
    await reached('closed');
    expect(stream.state()).toEqual(jasmine.objectContaining({ reason: 'too-large' }));
    expect(data).toEqual([]);
  });

  it('endless event:, id:, retry: and unknown lines are not accumulated: no too-large', async () => {
    const noise = 'event: e\nid: 7\nretry: 0005\nfoo: bar\n:\n'.repeat(20_000);
    const { stream, data, reached } = play(noise, 'data: end\n\n');
    await reached('reconnecting');
    expect(stream.state()).toEqual(jasmine.objectContaining({ reason: 'ended', delayMs: 5 }));
    expect(stream.diagnostics().lastEventId).toBe('7');
    expect(data).toEqual(['end']);
  });

  it('a retry: of 2^53 ms is capped at the longest timer, not fired at once', async () => {
    const { stream, reached } = play('retry: 9007199254740992\ndata: a\n\n');
    await reached('reconnecting');
    expect(stream.state()).toEqual(jasmine.objectContaining({ delayMs: 2_147_483_647 }));
  });

  it('5,000 distinct event names: events() gets each once, on(name) only its own', async () => {
    const body = Array.from({ length: 5000 }, (_, i) => `event: e${i}\ndata: ${i}\n\n`).join('');
    const { stream, data, reached } = play(body);
    const own: string[] = [];
    stream.on('e4321').subscribe((message) => own.push(message.data as string));
    await reached('reconnecting');
    expect(data.length).toBe(5000);
    expect(new Set(data).size).toBe(5000);
    expect(own).toEqual(['4321']);
  });

  it('a body of 8 MB of blank lines and comments (a decompression bomb) delivers nothing and ends', async () => {
    const mb = '\n:\r\n\r'.repeat(262_144);
    const { stream, data, reached } = play(...Array<string>(8).fill(mb), 'data: after\n\n');
    await reached('reconnecting');
    expect(stream.state()).toEqual(jasmine.objectContaining({ reason: 'ended' }));
    expect(data).toEqual(['after']);
  });

  it('event names that are Object.prototype keys are ordinary names', async () => {
    const names = ['__proto__', 'constructor', 'hasOwnProperty', 'toString'];
    const { stream, data, reached } = play(
      names.map((n) => `event: ${n}\ndata: ${n}\n\n`).join(''),
    );
    const own: string[] = [];
    for (const name of names) stream.on(name).subscribe((m) => own.push(m.data as string));
    await reached('reconnecting');
    expect(data).toEqual(names);
    expect(own).toEqual(names);
  });
});
