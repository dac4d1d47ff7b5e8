import { DOCUMENT } from '@angular/core';

import { type TestEvents, setup, standInDocument } from './testing.spec-helper';

describe('SseStream paused while hidden', () => {
  function hiddenSetup() {
    const page = standInDocument();
    return { page, ...setup([], [{ provide: DOCUMENT, useValue: page }]) };
  }

  for (const transport of ['eventsource', 'fetch'] as const) {
    it(`closes while hidden as paused and resumes from the last id when visible (${transport})`, () => {
      const { page, client, controller, scheduler } = hiddenSetup();
      const stream = client.stream<TestEvents>('/e', { transport, pauseWhenHidden: true });
      const subscription = stream.on('notification').subscribe();
      const first = controller.expectConnection('/e');
      expect(first.request.transport).toBe(transport);
      first.open();
      first.emit('notification', { title: 'a' }, '3');
      page.setHidden(true);
      expect(stream.state()).toEqual({ status: 'paused' });
      expect(first.cancelled).toBeTrue();
      scheduler.tick(60_000);
      controller.expectNone('/e');
      page.setHidden(false);
      const resumed = controller.expectConnection('/e');
      expect(resumed.request.lastEventId).toBe('3');
      resumed.open();
      expect(stream.state()).toEqual({ status: 'open' });
      expect(stream.diagnostics().reconnects).toBe(1);
      expect(stream.diagnostics().log.map((t) => t.state.status)).toEqual([
        'connecting',
        'open',
        'paused',
        'connecting',
        'open',
      ]);
      subscription.unsubscribe();
    });
  }

  it('starts paused when the page is already hidden, and connects on becoming visible', () => {
    const { page, client, controller } = hiddenSetup();
    page.hidden = true;
    const stream = client.stream<TestEvents>('/e', { pauseWhenHidden: true });
    const subscription = stream.on('notification').subscribe();
    expect(stream.state()).toEqual({ status: 'paused' });
    controller.expectNone('/e');
    page.setHidden(false);
    controller.expectConnection('/e').open();
    expect(stream.diagnostics().reconnects).toBe(0);
    subscription.unsubscribe();
  });

  it('cancels a pending retry while hidden', () => {
    const { page, client, controller, scheduler } = hiddenSetup();
    const stream = client.stream<TestEvents>('/e', { pauseWhenHidden: true });
    const subscription = stream.on('notification').subscribe();
    controller.expectConnection('/e').fail();
    page.setHidden(true);
    expect(scheduler.pending()).toEqual([]);
    expect(stream.state()).toEqual({ status: 'paused' });
    subscription.unsubscribe();
    expect(stream.state()).toEqual({ status: 'closed', reason: 'unsubscribed', error: null });
  });

  it('stays open while hidden without pauseWhenHidden, and never pauses a POST unless replayWhenVisible', () => {
    const { page, client, controller } = hiddenSetup();
    const plain = client.stream('/plain');
    const post = client.stream('/post', {
      transport: 'fetch',
      method: 'POST',
      body: 'x',
      pauseWhenHidden: true,
    });
    const subs = [plain.on('n').subscribe(), post.on('n').subscribe()];
    const connections = [
      controller.expectConnection('/plain'),
      controller.expectConnection('/post'),
    ];
    connections.forEach((c) => c.open());
    page.setHidden(true);
    expect([plain.state().status, post.state().status]).toEqual(['open', 'open']);
    expect(connections.map((c) => c.cancelled)).toEqual([false, false]);
    subs.forEach((s) => s.unsubscribe());
  });
});
