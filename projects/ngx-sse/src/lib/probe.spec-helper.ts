import { EnvironmentInjector } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { SseClient, type SseError, type SseHeaders, type SseState } from 'ngx-sse';

import { until } from './sse-stub.spec-helper';
import { type ServeWireOptions, serveWire } from './wire-client.spec-helper';

// Helpers of the fault probe (`probe-*.spec.ts`): a fake `fetch` that keeps every request, so a
// spec can tell which attempts are still open, and a fetch stream that collects what it delivered.

/** One request the recording fetch received. */
export interface ProbeRequest {
  readonly url: string;
  readonly init: RequestInit;
}

/** What answers request `n` (1-based, whatever its URL) of a recording fetch. */
export type ProbeAnswer = (
  n: number,
  init: RequestInit,
  url: string,
) => Response | Promise<Response>;

/**
 * A fake `fetch` answering request n with `answer(n, init, url)`, the requests it received, and how
 * many of them are still open (their signal not aborted).
 *
 * @example
 * const wire = recordingFetch(() => eventStream('data: a\n\n'));
 * expect(wire.open()).toBe(0);
 */
export function recordingFetch(answer: ProbeAnswer) {
  const requests: ProbeRequest[] = [];
  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    requests.push({ url: String(input), init });
    return answer(requests.length, init, String(input));
  };
  const open = () => requests.filter(({ init }) => !init.signal?.aborted).length;
  return { fetch: fetch as typeof globalThis.fetch, requests, open };
}

/** A response that never comes: it rejects when the request is aborted, as fetch does. */
export const noResponse = (init: RequestInit) =>
  new Promise<Response>((_, reject) =>
    init.signal?.addEventListener('abort', () => reject(init.signal!.reason)),
  );

/** A 200 `text/event-stream` response with `body` (or a stream of its own). */
export const eventStream = (body: BodyInit | null, headers: Record<string, string> = {}) =>
  new Response(body, {
    status: 200,
    headers: { 'Content-Type': 'text/event-stream', ...headers },
  });

/**
 * A GET fetch stream (text payloads) answered by `fetch`, on `serveWire()`'s manual clock, with
 * what `events()` delivered and the error it ended with.
 *
 * @example
 * const { stream, data, scheduler } = probeStream(wire.fetch, { features: [withMaxEventSize(64)] });
 */
export function probeStream(
  fetch: typeof globalThis.fetch,
  wire: ServeWireOptions = {},
  { url = '/probe', ...options }: { url?: string; lastEventId?: string; headers?: SseHeaders } = {},
) {
  const { scheduler } = serveWire(fetch, wire);
  const stream = TestBed.inject(SseClient).stream(url, {
    transport: 'fetch',
    deserialize: 'text',
    injector: TestBed.inject(EnvironmentInjector),
    ...options,
  });
  const data: string[] = [];
  const errors: SseError[] = [];
  stream.events().subscribe({
    next: (message) => data.push(message.data as string),
    error: (error: SseError) => errors.push(error),
  });
  const reached = (status: SseState['status']) =>
    until(() => stream.state().status === status, `state ${status}, is ${stream.state().status}`);
  return { stream, data, errors, scheduler, reached };
}

/**
 * The wait the library picks after one 503 carrying `retryAfter`. The probe's clock has no
 * jitter (random() is 0) and a 1 ms backoff, so the wait is the Retry-After floor alone.
 */
export async function waitAfter503(retryAfter: string): Promise<number | null> {
  const wire = recordingFetch((n) =>
    n === 1
      ? new Response('busy', { status: 503, headers: { 'Retry-After': retryAfter } })
      : eventStream(null),
  );
  const { stream, reached } = probeStream(wire.fetch);
  await reached('reconnecting');
  const state = stream.state() as Extract<SseState, { status: 'reconnecting' }>;
  expect(state.reason).toBe('http');
  expect(state.error?.status).toBe(503);
  return state.delayMs;
}

/** Three `message` events, 1 to 3, in one read. */
export const THREE = 'data: 1\n\ndata: 2\n\ndata: 3\n\n';

/** A probe stream whose first request gets `body` in one read and whose later ones never answer. */
export function serveOnce(body = THREE) {
  const wire = recordingFetch((n, init) => (n === 1 ? eventStream(body) : noResponse(init)));
  return { ...probeStream(wire.fetch), wire };
}
