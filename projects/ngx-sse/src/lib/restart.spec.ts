import { EnvironmentInjector, createEnvironmentInjector } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { withBatching } from 'ngx-sse';

import { type TestEvents, setup } from './testing.spec-helper';

describe('SseStream: starting again after a close', () => {
  it("a stream closed and reopened within one batch does not hand the old run's events to the new subscriber", async () => {
    const { client, controller } = setup([withBatching('microtask')]);
    const first = client.stream<TestEvents>('/e');
    first.on('notification').subscribe();
    const connection = controller.expectConnection('/e');
    connection.open();
    connection.emit('notification', { title: 'old' }, '1'); // queued for the next microtask
    first.close();
    const second = client.stream<TestEvents>('/e');
    const seen: string[] = [];
    second.on('notification').subscribe(({ data }) => seen.push(data.title));
    await new Promise((resolve) => setTimeout(resolve));
    expect(controller.expectConnection('/e').request.lastEventId).toBe('');
    expect(seen).toEqual([]);
    expect(second.diagnostics().eventsReceived).toBe(0);
  });

  it('a close and a new subscribe from inside a delivery get none of the rest of that batch', async () => {
    const { client, controller } = setup([withBatching('microtask')]);
    const first = client.stream<TestEvents>('/e');
    const seen: string[] = [];
    first.on('notification').subscribe(({ data }) => {
      seen.push(`first:${data.title}`);
      first.close();
      client
        .stream<TestEvents>('/e')
        .on('notification')
        .subscribe(({ data: next }) => seen.push(`second:${next.title}`));
    });
    const connection = controller.expectConnection('/e');
    connection.open();
    connection.emit('notification', { title: 'a' }, '1');
    connection.emit('notification', { title: 'b' }, '2');
    await new Promise((resolve) => setTimeout(resolve));
    expect(seen).toEqual(['first:a']);
    expect(controller.expectConnection('/e').request.lastEventId).toBe('');
  });

  it('after a fatal stop, a restart resumes from the id the server left, even an empty one', () => {
    const { client, controller } = setup();
    const stream = client.stream<TestEvents>('/e', { lastEventId: 'initial', transport: 'fetch' });
    stream.on('notification').subscribe({ error: () => undefined });
    const first = controller.expectConnection('/e');
    expect(first.request.lastEventId).toBe('initial');
    first.open();
    first.emit('notification', { title: 'a' }, ''); // `id:` empty clears the last event id
    first.fail({ reason: 'too-large' });
    stream.on('notification').subscribe({ error: () => undefined });
    expect(controller.expectConnection('/e').request.lastEventId).toBe('');
  });

  it('a handle subscribed again after close() is released with its injection context again', () => {
    const { client, controller } = setup();
    const scope = createEnvironmentInjector([], TestBed.inject(EnvironmentInjector));
    const stream = scope.runInContext(() => client.stream<TestEvents>('/e'));
    stream.on('notification').subscribe();
    controller.expectConnection('/e').open();
    stream.close(); // a pause button
    stream.on('notification').subscribe(); // resume
    const second = controller.expectConnection('/e');
    second.open();
    scope.destroy();
    expect(second.cancelled).toBeTrue();
  });
});
