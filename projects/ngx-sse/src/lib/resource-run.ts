import type { ErrorHandler, ResourceStreamItem, WritableSignal } from '@angular/core';

import type { SseError } from './sse-error';
import type { SseResourceMessage } from './sse-resource-types';
import type { SseStreamRef } from './stream-ref';
import type { SseEventMap } from './types';

/** One request's stream and the accumulation it reduces into. */
export interface Run<M extends SseEventMap, T> {
  readonly stream: SseStreamRef<M>;
  value: T;
  failed: boolean;
  readonly out: WritableSignal<ResourceStreamItem<T>>;
}

/**
 * Subscribes `run` to the events `types` (`null`: every name) of its stream: each message is
 * reduced into `run.value`, and the value is written to `run.out` once per batch that changed
 * it, however many events the batch held. A `reduce` that throws skips that message and goes to
 * `errors`: the stream goes on. A failure that stops the stream marks the run failed and is its
 * error. Returns the teardown.
 *
 * @example
 * const stop = observeRun(run, ['notification'], (list, { data }) => [data, ...list], errorHandler);
 */
export function observeRun<M extends SseEventMap, K extends keyof M & string, T>(
  run: Run<M, T>,
  types: readonly string[] | null,
  reduce: (value: T, message: SseResourceMessage<M, K>) => T,
  errors: ErrorHandler,
): () => void {
  let dirty = false;
  return run.stream.observe(
    types,
    {
      next: (message) => {
        try {
          run.value = reduce(run.value, message as SseResourceMessage<M, K>);
          dirty = true;
        } catch (error) {
          errors.handleError(error);
        }
      },
      error: (error: SseError) => {
        run.failed = true;
        run.out.set({ error });
      },
      complete: () => undefined,
    },
    () => {
      if (!dirty) return;
      dirty = false;
      run.out.set({ value: run.value });
    },
  );
}
