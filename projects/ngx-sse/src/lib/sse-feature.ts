import type { Provider } from '@angular/core';

import type { SseConfigPatch } from './config';

/**
 * A configuration feature for `provideSse`, as `HttpFeature` is for `provideHttpClient`.
 *
 * @example
 * const features: SseFeature[] = [withCredentials(), withLinger(2000)];
 * provideSse(...features);
 */
export interface SseFeature {
  /** What the feature configures; two features of one kind with different settings conflict. */
  readonly ɵkind: string;
  /** The call that made it, for error messages (dev mode only). */
  readonly ɵlabel: string;
  /** @internal */
  readonly ɵpatch: SseConfigPatch;
  /** What the feature adds to the environment injector (a transport's backend, say). */
  readonly ɵproviders: Provider[];
}

/**
 * Makes a feature; the fetch transport and cross-tab sharing contribute through it too.
 *
 * @example
 * export const withCredentials = (enabled = true) =>
 *   ɵfeature('Credentials', [enabled], { withCredentials: enabled }); // label: withCredentials(true)
 */
export function ɵfeature(
  kind: string,
  args: readonly unknown[],
  patch: SseConfigPatch,
  ...providers: Provider[]
): SseFeature {
  const label =
    typeof ngDevMode === 'undefined' || ngDevMode
      ? `with${kind}(${args.map((a) => JSON.stringify(a)).join(', ')})`
      : '';
  return { ɵkind: kind, ɵlabel: label, ɵpatch: patch, ɵproviders: providers };
}
