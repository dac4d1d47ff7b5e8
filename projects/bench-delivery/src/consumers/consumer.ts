import type { EnvironmentProviders, Provider, Signal } from '@angular/core';

import type { Sink } from '../sink';

/**
 * Subscribes to `url` and hands every event to the sink. Called in the page component's
 * injection context (inside the Angular zone on zone.js pages, as app code would be). A consumer
 * whose result is state (a resource's value) returns it, and the page renders it.
 */
export type Consumer = (url: string, sink: Sink) => Signal<unknown> | void;

/** A consumer and the application providers it needs (e.g. a batching mode). */
export interface ConsumerSetup {
  readonly providers: (Provider | EnvironmentProviders)[];
  readonly start: Consumer;
}
