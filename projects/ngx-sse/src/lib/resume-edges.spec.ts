import { EnvironmentInjector } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { SseClient } from 'ngx-sse';

import { until } from './sse-stub.spec-helper';
import { playWire, serveWire } from './wire-client.spec-helper';

// Where the resume id and the reconnection time come from at the edges of the fetch transport:
// a read that ends in a too-large event, a caller's own id, an id too long to spread into a
// header, and a `retry:` whose digits overflow a double.
describe('fetch transport: resume id and retry at the edges', () => {
  const big = `data: ${'x'.repeat(40)}\n\n`;

  for (const [shape, reads] of [
    ['in a read of its own', ['id: 1\ndata: a\n\n', 'id: 5\n\n', big]],
    ['in the read whose next event is too large', ['id: 1\ndata: a\n\n', `id: 5\n\n${big}`]],
  ] as const) {
    it(`resumes from an id:-only frame ${shape}`, async () => {
      const { sent, scheduler } = serveWire([{ reads }], {
        reconnect: {
          policy: (failure) => ({ action: 'retry', delayMs: 0, reason: failure.reason }),
        },
      });
      const stream = TestBed.inject(SseClient).stream('/wire', {
        deserialize: 'text',
        maxEventSize: 16,
        injector: TestBed.inject(EnvironmentInjector),
      });
      stream.events().subscribe({ error: () => undefined });
      await until(() => stream.state().status === 'reconnecting', 'the too-large failure');
      expect(stream.diagnostics().lastEventId).toBe('5');
      scheduler.tick(0);
      await until(() => sent.length === 2, 'the reconnect');
      expect(sent[1].get('Last-Event-ID')).toBe('5');
      stream.close();
    });
  }

  it("shows the caller's lastEventId in diagnostics before any event: the id the attempt resumes from", async () => {
    const { stream, sent } = playWire([{ reads: [': hi\n'] }], { lastEventId: 'saved-7' });
    await until(() => stream.state().status === 'reconnecting', 'the attempt to end');
    expect(sent[0].get('Last-Event-ID')).toBe('saved-7');
    expect(stream.diagnostics().lastEventId).toBe('saved-7');
    stream.close();
  });

  it('sends an id of 300,000 characters on the next attempt', async () => {
    const id = 'x'.repeat(300_000);
    const { stream, sent, nextAttempt } = playWire([{ reads: [`id: ${id}\n\n`] }, { reads: [] }]);
    await nextAttempt();
    expect(sent[1].get('Last-Event-ID')).toBe(id);
    stream.close();
  });

  it('takes a retry: of 400 digits as the longest reconnection time, not as no value', async () => {
    const { stream, nextAttempt } = playWire([
      { reads: ['retry: 1000\n\n'] },
      { reads: [`retry: ${'9'.repeat(400)}\n\n`] },
    ]);
    await nextAttempt();
    // Neither response delivers an event, so the second failure is attempt 2.
    const state = () => stream.state();
    await until(() => {
      const now = state();
      return now.status === 'reconnecting' && now.attempt === 2;
    }, 'the second attempt to end');
    expect(state()).toEqual(jasmine.objectContaining({ delayMs: 2 ** 31 - 1 }));
    stream.close();
  });
});
