import { Injectable, inject } from '@angular/core';

import type { SseBackend, SseBackendDecorator } from '../backend';
import { type SseFeature, ɵfeature } from '../sse-feature';
import { SSE_SCHEDULER } from '../scheduler';
import { CrossTabBackend } from './cross-tab-backend';
import { channelName } from './messages';
import { SSE_CHANNEL_FACTORY, SSE_LOCK_MANAGER, SSE_PAGE_LIFECYCLE } from './platform';

/**
 * Shares each GET connection across the tabs of this origin (see `withCrossTabSharing()`);
 * without Web Locks or `BroadcastChannel`, or on the server, it leaves backends as they are.
 *
 * @example
 * inject(SseCrossTabSharing).decorate(backend, key); // what SseClient does per connection
 */
@Injectable()
export class SseCrossTabSharing implements SseBackendDecorator {
  readonly #locks = inject(SSE_LOCK_MANAGER);
  readonly #channel = inject(SSE_CHANNEL_FACTORY);
  readonly #lifecycle = inject(SSE_PAGE_LIFECYCLE);
  readonly #scheduler = inject(SSE_SCHEDULER);

  decorate(backend: SseBackend, key: string): SseBackend {
    if (!this.#locks || !this.#channel) return backend;
    return new CrossTabBackend(backend, channelName(key), {
      locks: this.#locks,
      channel: this.#channel,
      lifecycle: this.#lifecycle,
      scheduler: this.#scheduler,
    });
  }
}

/**
 * One connection per GET stream for all the tabs of this origin: a leader tab (elected with
 * the Web Locks API) holds it and relays every event over a `BroadcastChannel`; on handover the
 * next tab resumes from the last id it saw. A stream opts out with `crossTab: false`. See
 * docs/cross-tab.md for the guarantees.
 *
 * @example
 * provideSse(withCrossTabSharing())
 */
export function withCrossTabSharing(): SseFeature {
  return ɵfeature('CrossTabSharing', [], { crossTab: SseCrossTabSharing }, SseCrossTabSharing);
}
