import { EnvironmentInjector, inject } from '@angular/core';

import { DEFAULT_SSE_CONFIG, SSE_CONFIG, type SseConfig, mergeConfig } from './config';
import { liveContext } from './live-context';

/**
 * The parent injector's client's configuration (`parent`, none at the root), then this
 * injector's features. A 401 handler of this injector's own runs in its injection context, so it
 * may `inject()` (an auth service). Call it in the client's injection context.
 */
export function ownConfig(parent: { readonly config: SseConfig } | null): SseConfig {
  const inherited = parent?.config ?? DEFAULT_SSE_CONFIG;
  const patches = inject(SSE_CONFIG, { optional: true }) ?? [];
  const config = patches.reduce<SseConfig>((all, patch) => mergeConfig(all, patch), inherited);
  const { refresh } = config;
  if (!refresh || refresh === inherited.refresh) return config;
  const inContext = liveContext(inject(EnvironmentInjector));
  return {
    ...config,
    refresh: (error, retry, done) => inContext(() => refresh(error, retry, done)),
  };
}
