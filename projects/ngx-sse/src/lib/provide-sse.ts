import { type EnvironmentProviders, makeEnvironmentProviders } from '@angular/core';

import { SSE_CONFIG, type SseConfigPatch, mergeConfig } from './config';
import { SseClient } from './sse-client';
import type { SseFeature } from './sse-feature';

/**
 * Configures `SseClient` for the environment injector it is in: the application, or a lazy
 * route, whose streams then use this configuration over the parent's (connections are shared
 * within one injector). Features compose field by field; two contradicting features are a
 * dev-mode error naming both.
 *
 * @example
 * bootstrapApplication(App, {
 *   providers: [provideSse(withReconnect({ maxAttempts: 10 }), withCredentials(), withHeartbeatTimeout(45_000))],
 * });
 */
export function provideSse(...features: SseFeature[]): EnvironmentProviders {
  if (typeof ngDevMode === 'undefined' || ngDevMode) checkConflicts(features);
  const patch = features.reduce<SseConfigPatch>((all, f) => mergeConfig(all, f.ɵpatch), {});
  return makeEnvironmentProviders([
    SseClient,
    { provide: SSE_CONFIG, multi: true, useValue: patch },
    features.flatMap((f) => f.ɵproviders),
  ]);
}

function checkConflicts(features: SseFeature[]): void {
  const seen = new Map<string, SseFeature>();
  for (const f of features) {
    const earlier = seen.get(f.ɵkind);
    const clash =
      earlier &&
      (f.ɵkind === 'Reconnect'
        ? reconnectClash(earlier.ɵpatch, f.ɵpatch)
        : earlier.ɵlabel !== f.ɵlabel);
    if (clash) {
      throw new Error(
        `ngx-sse: provideSse() got conflicting features ${earlier.ɵlabel} and ${f.ɵlabel}; keep one.`,
      );
    }
    seen.set(f.ɵkind, earlier ? { ...f, ɵpatch: mergeConfig(earlier.ɵpatch, f.ɵpatch) } : f);
  }
}

/** withReconnect composes field by field: only a field set twice to different values clashes. */
function reconnectClash(a: SseConfigPatch, b: SseConfigPatch): boolean {
  const before: Record<string, unknown> = a.reconnect ?? {};
  const after: Record<string, unknown> = b.reconnect ?? {};
  return (
    (!!a.policy && !!b.policy && a.policy !== b.policy) ||
    Object.keys(after).some((key) => key in before && before[key] !== after[key])
  );
}
