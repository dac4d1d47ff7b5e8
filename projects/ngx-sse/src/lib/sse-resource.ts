import {
  Injector,
  PLATFORM_ID,
  assertInInjectionContext,
  computed,
  effect,
  inject,
  resource,
  untracked,
} from '@angular/core';

import { sseResourceRef } from './resource-ref';
import { ResourceRuns } from './resource-runs';
import type {
  SseResourceMessage,
  SseResourceNeedsValueType,
  SseResourceOptions,
  SseResourceRef,
  SseResourceRequest,
} from './sse-resource-types';
import type { SseEventMap } from './types';

/**
 * Server-Sent Events as an Angular Resource, as `httpResource` is for HTTP. The request
 * function is reactive: when its value changes to a different request, the previous connection
 * is released and one for the new request opens (resume state reset); an equal request keeps the
 * connection, its resume id and the value; `undefined` is idle. Like `httpResource` it connects
 * as soon as the request is defined, not when the value is read.
 *
 * - `value`: the latest message of the named event(s), or the `reduce` accumulation. It is
 *   written once per delivered batch, however many events the batch holds.
 * - `status`: `resolved` as soon as the request is defined (a loading Resource would hold the
 *   application unstable until the first event, and a stream may stay quiet for minutes; `state()`
 *   says whether it is connecting, open or retrying); `error` with the {@link SseError} when a
 *   failure stops the stream. A bad payload does not change it (diagnostics report it).
 * - `reload()`: reconnects now (a fresh attempt of the shared connection), resuming from the
 *   last event id and keeping the accumulation; after a fatal failure it opens the stream again;
 *   `false` (nothing to do) while the stream is paused on a hidden page.
 * - `set()` / `update()`: replace the accumulation; the stream goes on and reduces into the new
 *   value (Angular's own `set()` would abort the stream).
 * - A `reduce` that throws skips that message and reports the error to Angular's `ErrorHandler`;
 *   the stream and every other connection go on.
 * - Torn down with its injection context, its connection lingering for `withLinger()` /
 *   `lingerMs` as a stream handle's does; idle on the server.
 *
 * With a `reduce`, give all three type arguments or none: TypeScript infers none once one is
 * written, so `sseResource<AppEvents, 'notification'>` with a `reduce` does not compile (the
 * value type is then {@link SseResourceNeedsValueType}): name the value type too. With none, the
 * map is `Record<string, unknown>`: names are free, `data` is `unknown`, and the value type comes
 * from `initialValue`.
 *
 * @example
 * readonly notifications = sseResource<AppEvents, 'notification', AppEvents['notification'][]>(
 *   () => (this.session.user() ? '/api/events' : undefined),
 *   { event: 'notification', reduce: (list, { data }) => [data, ...list], initialValue: [] },
 * );
 * readonly ticks = sseResource(() => '/api/ticks', {
 *   event: 'tick',
 *   reduce: (sum, { data }) => sum + (typeof data === 'number' ? data : 0),
 *   initialValue: 0,
 * }); // SseResourceRef<number>
 */
export function sseResource<
  M extends SseEventMap = Record<string, unknown>,
  K extends keyof M & string = keyof M & string,
  T = SseResourceNeedsValueType,
>(
  request: () => SseResourceRequest | undefined,
  options: SseResourceOptions<M, K, T> & {
    readonly reduce: (value: T, message: SseResourceMessage<M, K>) => T;
    readonly initialValue: T;
  },
): SseResourceRef<T>;
/**
 * Server-Sent Events as an Angular Resource, without a reducer: the value is the latest message
 * of the named event(s), `undefined` before the first. Without `K`, every event of `M`; without
 * type arguments, `data` is `unknown`.
 *
 * @example
 * readonly progress = sseResource<JobEvents, 'job-progress'>(() => `/api/jobs/${id()}/events`, {
 *   event: 'job-progress',
 * });
 */
export function sseResource<
  M extends SseEventMap = Record<string, unknown>,
  K extends keyof M & string = keyof M & string,
>(
  request: () => SseResourceRequest | undefined,
  options?: SseResourceOptions<M, K, SseResourceMessage<M, K> | undefined> & {
    readonly reduce?: undefined;
  },
): SseResourceRef<SseResourceMessage<M, K> | undefined>;
export function sseResource<M extends SseEventMap, K extends keyof M & string, T>(
  request: () => SseResourceRequest | undefined,
  options: SseResourceOptions<M, K, T> = {},
): SseResourceRef<T> {
  if (!options.injector) assertInInjectionContext(sseResource);
  const injector = options.injector ?? inject(Injector);
  const server = injector.get(PLATFORM_ID) !== 'browser';
  const { event } = options;
  // Each name once: a name listed twice would reduce every one of its messages twice.
  const types =
    event === undefined ? null : [...new Set(typeof event === 'string' ? [event] : event)];
  if (types?.length === 0) {
    throw new TypeError(
      'ngx-sse: sseResource({ event: [] }) names no event; omit `event` for every name.',
    );
  }
  const reduce = options.reduce ?? ((_: T, message: SseResourceMessage<M, K>) => message as T);
  const runs = new ResourceRuns<M, K, T>(injector, types, reduce, options.initialValue as T);

  const params = computed(() => (server ? undefined : request()));
  // Angular does not abort a run when the request becomes undefined; an idle stream must close.
  effect(
    () => {
      if (params() === undefined) untracked(() => runs.idle());
    },
    { injector },
  );

  const ref = resource<T, SseResourceRequest | undefined>({
    params,
    defaultValue: options.initialValue as T,
    injector,
    stream: ({ params, abortSignal }) => runs.start(params, abortSignal),
  });

  return sseResourceRef(ref, runs);
}
