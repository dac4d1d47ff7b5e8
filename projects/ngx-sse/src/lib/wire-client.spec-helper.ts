import { EnvironmentInjector } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import {
  SSE_FETCH,
  SSE_SCHEDULER,
  SseClient,
  type SseMessage,
  provideSse,
  withBatching,
  withFetchTransport,
  withReconnect,
} from 'ngx-sse';
import { FakeSseScheduler } from 'ngx-sse/testing';

import { type WireReply, scriptedWire } from './scripted-wire.spec-helper';
import { until } from './sse-stub.spec-helper';

/** What a subscriber of `events()` saw of one message. */
export interface Seen {
  type: string;
  data: string;
  lastEventId: string;
}

/**
 * Configures TestBed for fetch streams answered by `replies` (see {@link scriptedWire}), with
 * a manual clock and no jitter: a reconnect waits exactly the server's `retry:` (or 0).
 *
 * `reconnect` replaces the default `withReconnect({ initialDelayMs: 1 })`.
 *
 * @example
 * const { sent, scheduler } = serveWire([{ reads: ['data: a\n\n'] }]);
 */
export function serveWire(
  replies: readonly WireReply[],
  reconnect: Parameters<typeof withReconnect>[0] = { initialDelayMs: 1 },
) {
  const wire = scriptedWire(replies);
  const scheduler = new FakeSseScheduler();
  scheduler.randomValue = 0;
  TestBed.configureTestingModule({
    providers: [
      provideSse(withFetchTransport(), withBatching('sync'), withReconnect(reconnect)),
      { provide: SSE_FETCH, useValue: wire.fetch },
      { provide: SSE_SCHEDULER, useValue: scheduler },
    ],
  });
  return { sent: wire.sent, scheduler };
}

/**
 * Plays `replies` to one fetch stream (text payloads): what `events()` delivered, what each
 * attempt sent, and `nextAttempt()`, which waits for the current attempt to end and starts the next.
 *
 * @example
 * const { seen, sent, nextAttempt } = playWire([{ reads: ['id: 1\ndata: a\n\n'] }]);
 * await nextAttempt();
 * expect(sent[1].get('Last-Event-ID')).toBe('1');
 */
export function playWire(replies: readonly WireReply[], lastEventId?: string) {
  const { sent, scheduler } = serveWire(replies);
  const stream = TestBed.inject(SseClient).stream('/wire', {
    deserialize: 'text',
    lastEventId,
    injector: TestBed.inject(EnvironmentInjector),
  });
  const seen: Seen[] = [];
  stream
    .events()
    .subscribe(({ type, data, lastEventId: id }: SseMessage<unknown>) =>
      seen.push({ type, data: data as string, lastEventId: id }),
    );
  const nextAttempt = async () => {
    const attempts = sent.length;
    await until(() => stream.state().status === 'reconnecting', `attempt ${attempts} to end`);
    scheduler.tick(10_000);
    await until(() => sent.length > attempts, `attempt ${attempts + 1}`);
  };
  return { stream, seen, sent, nextAttempt };
}

/**
 * An expected {@link Seen}, with the spec's defaults (type `message`, empty id).
 *
 * @example
 * expect(seen).toEqual([seenMessage('a', '1')]);
 */
export const seenMessage = (data: string, lastEventId = '', type = 'message'): Seen => ({
  type,
  data,
  lastEventId,
});
