import { EnvironmentInjector } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import {
  SSE_FETCH,
  SSE_SCHEDULER,
  SseClient,
  type SseFeature,
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

/** What answers the fetch stream: scripted replies (see {@link scriptedWire}) or a fake `fetch`. */
export type Wire = readonly WireReply[] | typeof fetch;

export interface ServeWireOptions {
  /** Replaces the default `withReconnect({ initialDelayMs: 1 })`. */
  reconnect?: Parameters<typeof withReconnect>[0];
  /** More features for `provideSse()`. */
  features?: readonly SseFeature[];
}

/**
 * Configures TestBed for fetch streams answered by `wire`, with a manual clock and no jitter:
 * a reconnect waits exactly the server's `retry:` (or 0). `sent` holds the headers of every
 * attempt.
 *
 * @example
 * const { sent, scheduler } = serveWire([{ reads: ['data: a\n\n'] }]);
 * serveWire(server.fetch, { features: [withCredentials()] });
 */
export function serveWire(
  wire: Wire,
  { reconnect = { initialDelayMs: 1 }, features = [] }: ServeWireOptions = {},
) {
  const answer = typeof wire === 'function' ? wire : scriptedWire(wire).fetch;
  const sent: Headers[] = [];
  const fetchFn = (input: RequestInfo | URL, init?: RequestInit) => {
    sent.push(new Headers(init?.headers));
    return answer(input, init);
  };
  const scheduler = new FakeSseScheduler();
  scheduler.randomValue = 0;
  TestBed.configureTestingModule({
    providers: [
      provideSse(withFetchTransport(), withBatching('sync'), withReconnect(reconnect), ...features),
      { provide: SSE_FETCH, useValue: fetchFn },
      { provide: SSE_SCHEDULER, useValue: scheduler },
    ],
  });
  return { sent, scheduler };
}

export interface PlayWireOptions {
  /** The stream's URL; `/wire` unless given. */
  url?: string;
  lastEventId?: string;
}

/**
 * Plays `wire` to one fetch stream (text payloads): what `events()` delivered, the error it
 * ended with (if any), what each attempt sent, and `nextAttempt()`, which waits for the current
 * attempt to end, checks the wait is `delayMs` when given, and starts the next.
 *
 * @example
 * const { seen, sent, nextAttempt } = playWire([{ reads: ['id: 1\ndata: a\n\n'] }]);
 * await nextAttempt();
 * expect(sent[1].get('Last-Event-ID')).toBe('1');
 */
export function playWire(wire: Wire, { url = '/wire', lastEventId }: PlayWireOptions = {}) {
  const { sent, scheduler } = serveWire(wire);
  const stream = TestBed.inject(SseClient).stream(url, {
    deserialize: 'text',
    lastEventId,
    injector: TestBed.inject(EnvironmentInjector),
  });
  const seen: Seen[] = [];
  const errors: unknown[] = [];
  stream.events().subscribe({
    next: ({ type, data, lastEventId: id }: SseMessage<unknown>) =>
      seen.push({ type, data: data as string, lastEventId: id }),
    error: (error: unknown) => errors.push(error),
  });
  const nextAttempt = async (delayMs?: number) => {
    const attempts = sent.length;
    await until(() => stream.state().status === 'reconnecting', `attempt ${attempts} to end`);
    const state = stream.state();
    if (delayMs !== undefined && state.status === 'reconnecting') {
      expect(state.delayMs).withContext('reconnection time').toBe(delayMs);
    }
    scheduler.tick(10_000);
    await until(() => sent.length > attempts, `attempt ${attempts + 1}`);
  };
  return { stream, seen, errors, sent, nextAttempt, scheduler };
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
