import type { DestroyRef, Injector } from '@angular/core';

import type { SseDeserializer } from './types';

/**
 * Headers, or a function (sync or async) evaluated on every attempt so refreshed tokens are used.
 *
 * @example
 * const headers: SseHeaders = async () => ({ Authorization: `Bearer ${await auth.token()}` });
 */
export type SseHeaders = HeadersInit | (() => HeadersInit | Promise<HeadersInit>);

/** A transport by name: the browser's `EventSource`, or `fetch` with a streaming parser. */
export type SseTransport = 'eventsource' | 'fetch';

/** Options every transport understands. */
export interface SseCommonOptions {
  /** `json` (default), `text`, or a function; a throw is reported as a `parse` error. */
  readonly deserialize?: 'json' | 'text' | SseDeserializer;
  /** Send cookies cross-origin; overrides `withCredentials()`. */
  readonly withCredentials?: boolean;
  /** Reconnect with reason `idle-timeout` after this long without bytes; 0 disables it. */
  readonly heartbeatTimeoutMs?: number;
  /** Keep the connection this long after its last subscriber leaves. */
  readonly lingerMs?: number;
  /** Resume from this id on the first connection (e.g. one kept across a page reload). */
  readonly lastEventId?: string;
  /**
   * Largest event, in UTF-16 code units, before the stream stops with `too-large` (fetch): its
   * data plus the line being read; the name and id, a line each, are held beside it.
   */
  readonly maxEventSize?: number;
  /**
   * Close while the page is hidden (state `paused`); resume from the last id when visible. Off
   * by default: a hidden tab keeps its stream, as a bare `EventSource` does.
   */
  readonly pauseWhenHidden?: boolean;
  /**
   * Reconnect after a retriable failure (a drop, a 503, the end of the body), resuming from the
   * last event id. Default: `true` for GET, `false` otherwise, since re-sending a POST repeats its
   * effect; without it such a failure closes the stream (with its reason and error).
   */
  readonly reconnect?: boolean;
  /** With `withCrossTabSharing()`: `false` keeps this GET stream's connection to this tab. */
  readonly crossTab?: boolean;
  /** Streams with the same non-empty key share a connection even when they are not GETs. */
  readonly shareKey?: string;
  /** Where the stream lives: it is released when this injector is destroyed. */
  readonly injector?: Injector;
  /** Released when this scope is destroyed; taken from the injection context if omitted. */
  readonly destroyRef?: DestroyRef;
}

/** Request settings only the fetch transport can honour. */
export interface SseFetchRequestOptions {
  /** `GET` by default; other methods neither share a connection nor reconnect by default. */
  readonly method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /**
   * Sent on every attempt. Static headers take part in sharing by value; a function shares only
   * with itself, and keeps the stream to its tab (its result cannot be compared across tabs).
   */
  readonly headers?: SseHeaders;
  /**
   * The request body (not for GET); re-sent on each attempt of a stream that reconnects, so not
   * a `ReadableStream`, which can be read only once (`stream()` refuses it with `invalid-request`).
   */
  readonly body?: BodyInit | null;
  /** Overrides `withCredentials` (`include` when set, `same-origin` otherwise). */
  readonly credentials?: RequestCredentials;
  /** Deliver comment lines on `comments()` (heartbeats, server notes). */
  readonly comments?: boolean;
  /** Let `pauseWhenHidden` resend a non-GET request on becoming visible. Off by default. */
  readonly replayWhenVisible?: boolean;
}

/**
 * A stream on the browser's `EventSource` (the default transport unless `withFetchTransport()`).
 * Fetch-only settings do not compile here.
 *
 * @example
 * client.stream('/api/events', { withCredentials: true, lastEventId: saved });
 */
export interface SseEventSourceOptions
  extends SseCommonOptions, Partial<Readonly<Record<keyof SseFetchRequestOptions, never>>> {
  /** The default transport; may be omitted. */
  readonly transport?: 'eventsource';
}

/**
 * A stream on the fetch transport: headers, bodies, statuses, comments.
 *
 * @example
 * client.stream('/api/chat', { transport: 'fetch', method: 'POST', body: JSON.stringify({ prompt }) });
 */
export interface SseFetchOptions extends SseCommonOptions, SseFetchRequestOptions {
  /** Needs `withFetchTransport()` in `provideSse()`. */
  readonly transport: 'fetch';
}

/**
 * Per-stream options: typed per transport. Streams with equal URL and equal options share one
 * connection, compared by value (header functions by identity); non-GET streams share only with
 * an equal `shareKey`. `deserialize`, `injector` and `destroyRef` are per handle.
 *
 * @example
 * client.stream('/api/log', { deserialize: 'text', lingerMs: 5000 })
 */
export type SseStreamOptions = SseEventSourceOptions | SseFetchOptions;

export const FETCH_ONLY: readonly (keyof SseFetchRequestOptions)[] = [
  'method',
  'headers',
  'body',
  'credentials',
  'comments',
  'replayWhenVisible',
];
