import type { Injector, ResourceRef, Signal } from '@angular/core';

import type { SseEventSourceOptions, SseFetchOptions } from './options';
import type { SseDiagnostics, SseEventMap, SseMessage, SseState } from './types';

/**
 * What an `sseResource` request function returns: a URL, a typed request (a URL with the
 * stream options of its transport), or `undefined` for idle (no connection).
 *
 * @example
 * () => ({ url: '/api/chat', transport: 'fetch', method: 'POST', body: JSON.stringify({ prompt: prompt() }) })
 */
export type SseResourceRequest =
  | string
  | (Omit<SseEventSourceOptions, 'injector' | 'destroyRef'> & { readonly url: string })
  | (Omit<SseFetchOptions, 'injector' | 'destroyRef'> & { readonly url: string });

/**
 * The messages of the names `K` of map `M`, as a resource without a reducer holds them: a union
 * narrowed by `type`.
 *
 * @example
 * type Progress = SseResourceMessage<JobEvents, 'job-progress'>; // SseMessage<JobProgress, 'job-progress'>
 */
export type SseResourceMessage<M, K extends keyof M & string> = {
  [N in K]: SseMessage<M[N], N>;
}[K];

/**
 * The value type of an `sseResource` given a `reduce` and only two type arguments: TypeScript
 * infers no type argument once one is written, so nothing fits it and the call does not compile,
 * the compiler naming this type. Write the value type as the third argument.
 *
 * @example
 * sseResource<Events, 'tick', number>(url, { event: 'tick', reduce: (n, m) => n + m.data.n, initialValue: 0 });
 */
export interface SseResourceNeedsValueType {
  /**
   * The fix. The compiler's message names this type (`'number' is not assignable to type
   * 'SseResourceNeedsValueType'`, `'n' does not exist in type 'SseResourceNeedsValueType'`), and
   * this property says what to write; it shows in the message itself only for an empty object.
   */
  readonly 'ngx-sse: with reduce, write the value type too, e.g. sseResource<Events, "tick", number>(...)': never;
}

/**
 * Options of `sseResource()`.
 *
 * @example
 * { event: ['notification', 'job-progress'], reduce: (log, m) => [...log, m], initialValue: [] }
 */
export interface SseResourceOptions<M extends SseEventMap, K extends keyof M & string, T> {
  /** The event name(s) whose messages make the value; every name when omitted (see `events()`). */
  readonly event?: K | readonly K[];
  /** Folds each message into the value; without it the value is the latest message. */
  readonly reduce?: (value: T, message: SseResourceMessage<M, K>) => T;
  /** The value before the first event (with `reduce`: its starting point). */
  readonly initialValue?: T;
  /** Where the resource lives; defaults to the current injection context. */
  readonly injector?: Injector;
}

/**
 * A Server-Sent Events Resource: Angular's `ResourceRef` plus the connection's state and
 * diagnostics.
 *
 * @example
 * ```html
 * @if (jobs.error(); as error) { <p role="alert">{{ error.message }}</p> }
 * <app-status [state]="jobs.state()" />
 * ```
 */
export interface SseResourceRef<T> extends ResourceRef<T> {
  /**
   * The connection's state: `idle` until the request is first defined; once it goes back to
   * `undefined`, the last connection's `closed` state (reason `closed`), so a teardown stays
   * visible.
   */
  readonly state: Signal<SseState>;
  /** The connection's diagnostics; `null` before the first request. */
  readonly diagnostics: Signal<SseDiagnostics | null>;
}
