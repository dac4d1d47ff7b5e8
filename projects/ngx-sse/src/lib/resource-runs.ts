import {
  DestroyRef,
  ErrorHandler,
  type Injector,
  type ResourceStreamItem,
  type Signal,
  signal,
} from '@angular/core';

import type { SseEventSourceOptions } from './options';
import { identity } from './request-key';
import { type Run, observeRun } from './resource-run';
import { SseClient } from './sse-client';
import type { SseResourceMessage, SseResourceRequest } from './sse-resource-types';
import type { SseStream } from './sse-stream';
import type { SseStreamRef } from './stream-ref';
import type { SseEventMap } from './types';

/** A body or header function JSON cannot tell apart (a `FormData`, a function) goes by identity. */
const byIdentity = (name: string, value: unknown) =>
  (name === 'body' && value !== null && typeof value === 'object') || typeof value === 'function'
    ? identity(value as object)
    : value;

/**
 * The runs of one `sseResource`: a stream per request, what a run hands to the one replacing it
 * (an equal GET resumes, keeping the value), and the linger when the injection context goes.
 *
 * @example
 * const runs = new ResourceRuns(injector, ['notification'], reduce, []);
 * resource({ params, stream: ({ params, abortSignal }) => runs.start(params, abortSignal) });
 */
export class ResourceRuns<M extends SseEventMap, K extends keyof M & string, T> {
  /** The stream of the latest request: what `state()` and `diagnostics()` read. */
  readonly current = signal<SseStream<M> | null>(null);
  // The running stream's accumulation, so `set()` can replace it without ending the stream.
  #run: Run<M, T> | null = null;
  // What the last run left, so a reload of the same GET request resumes instead of starting over
  // (its connection resumes too). A non-GET request is sent again, so it starts over.
  #last: { key: string; value: T } | null = null;
  // Ends the current run: what the abort signal does when the request changes.
  #release: (() => void) | null = null;
  // A destroyed context lets the connection linger, as a stream() handle's does.
  #destroyed = false;
  readonly #client: SseClient;
  readonly #errors: ErrorHandler;

  constructor(
    private readonly injector: Injector,
    private readonly types: readonly string[] | null,
    private readonly reduce: (value: T, message: SseResourceMessage<M, K>) => T,
    private readonly initialValue: T,
  ) {
    this.#client = injector.get(SseClient);
    this.#errors = injector.get(ErrorHandler);
    injector.get(DestroyRef).onDestroy(() => (this.#destroyed = true));
  }

  /** The running stream, `null` when no run is on (idle, or ended). */
  get stream(): SseStream<M> | null {
    return this.#run?.stream ?? null;
  }

  /** Starts the run of `params`, ending the previous one; resolves at once with its value signal. */
  start(
    params: SseResourceRequest,
    abortSignal: AbortSignal,
  ): Promise<Signal<ResourceStreamItem<T>>> {
    const { url, ...streamOptions } = typeof params === 'string' ? { url: params } : params;
    const key = JSON.stringify([url, streamOptions], byIdentity);
    const get = ((streamOptions as { method?: string }).method ?? 'GET') === 'GET';
    // The same request reuses the same connection, which resumes from its last id itself.
    const stream = this.#client.stream<M>(url, {
      ...streamOptions,
      injector: this.injector,
    } as SseEventSourceOptions) as SseStreamRef<M>;
    // The run this one replaces is still subscribed (see the abort listener): a request that
    // shares its connection (an equal GET, or a POST with the same shareKey) takes over its
    // value. With no run left (a reload after a stop), an equal GET resumes what it left.
    const run = this.#run;
    const last = this.#last;
    const resume = run ? stream.shares(run.stream) && run : get && last?.key === key && last;
    this.current.set(stream);
    const value = resume ? resume.value : this.initialValue;
    const mine: Run<M, T> = { stream, value, failed: false, out: signal({ value }) };
    const stop = observeRun(mine, this.types, this.reduce, this.#errors);
    const end = () => {
      if (this.#release !== end) return;
      this.#release = null;
      if (this.#run === mine) this.#run = null;
      this.#last = { key, value: mine.value };
      // Before `stop()`: a request change or an idle request closes the connection now (reason
      // `closed`); a destroyed context releases it, so the linger applies.
      if (this.#destroyed) stream.release();
      else stream.close();
      stop();
    };
    this.#release?.();
    this.#release = end;
    this.#run = mine;
    // Deferred: Angular aborts a run right before it starts the next one, which subscribes
    // first, so the connection an equal request shares is never closed in between.
    abortSignal.addEventListener('abort', () => queueMicrotask(end));
    // Resolved at once: a Resource that is loading holds the application unstable, and a stream
    // may stay quiet for minutes. `state()` says whether it is connecting, open or retrying.
    return Promise.resolve(mine.out);
  }

  /** The request went back to `undefined`: the run ends, and the next one starts afresh. */
  idle(): void {
    // Closed by its subscriber, the connection starts afresh next time: so does the value.
    this.#release?.();
    this.#last = null;
  }

  /**
   * Replaces the running accumulation; `false` when no run takes it (none, or one a fatal
   * failure stopped: the value is then the app's own, as Angular's resource has it).
   */
  write(value: T): boolean {
    const run = this.#run;
    if (!run || run.failed) return false;
    run.value = value;
    run.out.set({ value });
    return true;
  }

  /** The running accumulation, or what `fallback` reads without a run (read only then). */
  value(fallback: () => T): T {
    return this.#run ? this.#run.value : fallback();
  }
}
