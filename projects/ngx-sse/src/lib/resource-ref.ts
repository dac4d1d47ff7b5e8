import { type ResourceRef, computed } from '@angular/core';

import type { ResourceRuns } from './resource-runs';
import type { SseResourceRef } from './sse-resource-types';
import type { SseEventMap, SseState } from './types';

const IDLE: SseState = { status: 'idle' };

/**
 * What an app holds for an `sseResource`: Angular's `ref` for the value and status, with the
 * stream's own meaning for writing, reloading and reading the connection. A delegate, not `ref`
 * itself: Angular's implementation has members of its own named `state`.
 *
 * @example
 * const ref = resource({ params, stream: ({ params, abortSignal }) => runs.start(params, abortSignal) });
 * return sseResourceRef(ref, runs);
 */
export function sseResourceRef<M extends SseEventMap, K extends keyof M & string, T>(
  ref: ResourceRef<T>,
  runs: ResourceRuns<M, K, T>,
): SseResourceRef<T> {
  function set(value: T): void {
    // After a fatal failure the value is the app's own (`local`), as Angular's resource does:
    // writing it into the stopped stream would hide the error.
    if (!runs.write(value)) ref.set(value);
  }

  return {
    value: ref.value,
    status: ref.status,
    error: ref.error,
    isLoading: ref.isLoading,
    snapshot: ref.snapshot,
    hasValue: () => ref.hasValue(),
    set,
    update: (updater: (value: T) => T) => set(updater(runs.value(ref.value))),
    asReadonly: () => ref.asReadonly(),
    reload: () => {
      const stream = runs.stream;
      const status = stream?.state().status;
      if (!stream || status === 'closed') return ref.reload();
      // A paused stream resumes when the page is visible again: nothing to reload until then.
      if (status === 'paused') return false;
      stream.reconnect();
      return true;
    },
    destroy: () => ref.destroy(),
    state: computed(() => runs.current()?.state() ?? IDLE),
    diagnostics: computed(() => runs.current()?.diagnostics() ?? null),
  } as SseResourceRef<T>;
}
