import {
  DestroyRef,
  ErrorHandler,
  Injector,
  PLATFORM_ID,
  type ResourceStreamItem,
  type WritableSignal,
  assertInInjectionContext,
  computed,
  effect,
  inject,
  resource,
  signal,
  untracked,
} from '@angular/core';

import type { SseEventSourceOptions } from './options';
import { identity } from './request-key';
import { SseClient } from './sse-client';
import type { SseError } from './sse-error';
import type {
  SseResourceMessage,
  SseResourceOptions,
  SseResourceRef,
  SseResourceRequest,
} from './sse-resource-types';
import type { SseStream, SseStreamRef } from './stream';
import type { SseEventMap, SseState } from './types';

const IDLE: SseState = { status: 'idle' };

/** A body or header function JSON cannot tell apart (a `FormData`, a function) goes by identity. */
const byIdentity = (name: string, value: unknown) =>
  (name === 'body' && value !== null && typeof value === 'object') || typeof value === 'function'
    ? identity(value as object)
    : value;

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
 * @example
 * readonly notifications = sseResource<AppEvents, 'notification', AppEvents['notification'][]>(
 *   () => (this.session.user() ? '/api/events' : undefined),
 *   { event: 'notification', reduce: (list, { data }) => [data, ...list], initialValue: [] },
 * );
 */
export function sseResource<M extends SseEventMap, K extends keyof M & string, T>(
  request: () => SseResourceRequest | undefined,
  options: SseResourceOptions<M, K, T> & {
    readonly reduce: (value: T, message: SseResourceMessage<M, K>) => T;
    readonly initialValue: T;
  },
): SseResourceRef<T>;
/**
 * Server-Sent Events as an Angular Resource, without a reducer: the value is the latest message
 * of the named event(s), `undefined` before the first.
 *
 * @example
 * readonly progress = sseResource<JobEvents, 'job-progress'>(() => `/api/jobs/${id()}/events`, {
 *   event: 'job-progress',
 * });
 */
export function sseResource<M extends SseEventMap, K extends keyof M & string>(
  request: () => SseResourceRequest | undefined,
  options: SseResourceOptions<M, K, SseResourceMessage<M, K> | undefined> & {
    readonly reduce?: undefined;
  },
): SseResourceRef<SseResourceMessage<M, K> | undefined>;
export function sseResource<M extends SseEventMap, K extends keyof M & string, T>(
  request: () => SseResourceRequest | undefined,
  options: SseResourceOptions<M, K, T>,
): SseResourceRef<T> {
  if (!options.injector) assertInInjectionContext(sseResource);
  const injector = options.injector ?? inject(Injector);
  const client = injector.get(SseClient);
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
  const current = signal<SseStream<M> | null>(null);
  const errors = injector.get(ErrorHandler);
  // The running stream's accumulation, so `set()` can replace it without ending the stream.
  let run: {
    readonly stream: SseStreamRef<M>;
    value: T;
    failed: boolean;
    readonly out: WritableSignal<ResourceStreamItem<T>>;
  } | null = null;
  // What the last run left, so a reload of the same GET request resumes instead of starting over
  // (its connection resumes too). A non-GET request is sent again, so it starts over.
  let last: { key: string; value: T } | null = null;

  const params = computed(() => (server ? undefined : request()));
  // A destroyed context lets the connection linger, as a stream() handle's does.
  let destroyed = false;
  injector.get(DestroyRef).onDestroy(() => (destroyed = true));
  // Ends the current run: what the abort signal does when the request changes.
  let release: (() => void) | null = null;
  // Angular does not abort a run when the request becomes undefined; an idle stream must close.
  effect(
    () => {
      if (params() !== undefined) return;
      // Closed by its subscriber, the connection starts afresh next time: so does the value.
      untracked(() => release?.());
      last = null;
    },
    { injector },
  );

  const ref = resource<T, SseResourceRequest | undefined>({
    params,
    defaultValue: options.initialValue as T,
    injector,
    stream: ({ params, abortSignal }) => {
      const { url, ...streamOptions } = typeof params === 'string' ? { url: params } : params;
      const key = JSON.stringify([url, streamOptions], byIdentity);
      const get = ((streamOptions as { method?: string }).method ?? 'GET') === 'GET';
      // The same request reuses the same connection, which resumes from its last id itself.
      const stream = client.stream<M>(url, {
        ...streamOptions,
        injector,
      } as SseEventSourceOptions) as SseStreamRef<M>;
      // The run this one replaces is still subscribed (see the abort listener): a request that
      // shares its connection (an equal GET, or a POST with the same shareKey) takes over its
      // value. With no run left (a reload after a stop), an equal GET resumes what it left.
      const resume = run ? stream.shares(run.stream) && run : get && last?.key === key && last;
      current.set(stream);
      const value = resume ? resume.value : (options.initialValue as T);
      const mine = {
        stream,
        value,
        failed: false,
        out: signal<ResourceStreamItem<T>>({ value }),
      };
      let dirty = false;
      const stop = stream.observe(
        types,
        {
          next: (message) => {
            try {
              mine.value = reduce(mine.value, message as SseResourceMessage<M, K>);
              dirty = true;
            } catch (error) {
              errors.handleError(error);
            }
          },
          error: (error: SseError) => {
            mine.failed = true;
            mine.out.set({ error });
          },
          complete: () => undefined,
        },
        () => {
          if (!dirty) return;
          dirty = false;
          mine.out.set({ value: mine.value });
        },
      );
      const end = () => {
        if (release !== end) return;
        release = null;
        if (run === mine) run = null;
        last = { key, value: mine.value };
        // Before `stop()`: a request change or an idle request closes the connection now (reason
        // `closed`); a destroyed context releases it, so the linger applies.
        if (destroyed) stream.release();
        else stream.close();
        stop();
      };
      release?.();
      release = end;
      run = mine;
      // Deferred: Angular aborts a run right before it starts the next one, which subscribes
      // first, so the connection an equal request shares is never closed in between.
      abortSignal.addEventListener('abort', () => queueMicrotask(end));
      // Resolved at once: a Resource that is loading holds the application unstable, and a stream
      // may stay quiet for minutes. `state()` says whether it is connecting, open or retrying.
      return Promise.resolve(mine.out);
    },
  });

  function set(value: T): void {
    // After a fatal failure the value is the app's own (`local`), as Angular's resource does:
    // writing it into the stopped stream would hide the error.
    if (!run || run.failed) return ref.set(value);
    run.value = value;
    run.out.set({ value });
  }

  // A delegate, not `ref` itself: Angular's implementation has members of its own named `state`.
  return {
    value: ref.value,
    status: ref.status,
    error: ref.error,
    isLoading: ref.isLoading,
    snapshot: ref.snapshot,
    hasValue: () => ref.hasValue(),
    set,
    update: (updater: (value: T) => T) => set(updater(run ? run.value : ref.value())),
    asReadonly: () => ref.asReadonly(),
    reload: () => {
      const stream = current();
      const status = stream?.state().status;
      if (!run || !stream || status === 'closed') return ref.reload();
      // A paused stream resumes when the page is visible again: nothing to reload until then.
      if (status === 'paused') return false;
      stream.reconnect();
      return true;
    },
    destroy: () => ref.destroy(),
    state: computed(() => current()?.state() ?? IDLE),
    diagnostics: computed(() => current()?.diagnostics() ?? null),
  } as SseResourceRef<T>;
}
