import { EnvironmentInjector, NgZone, createEnvironmentInjector } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { sseResource, type SseResourceRequest } from 'ngx-sse';

/** Event payload shapes of the resource specs. */
export interface ResourceEvents {
  n: { v: number };
  m: { s: string };
}

/** Runs the resource's effect and lets its loader settle. */
export async function settle(): Promise<void> {
  // As an app does: change detection runs inside the zone when there is one.
  TestBed.inject(NgZone).run(() => TestBed.tick());
  await new Promise((resolve) => setTimeout(resolve));
}

/** Runs `make` in a fresh child injector, which a test destroys like a route's. */
export function create<T>(make: () => T): { ref: T; injector: EnvironmentInjector } {
  const injector = createEnvironmentInjector([], TestBed.inject(EnvironmentInjector));
  return { ref: injector.runInContext(make), injector };
}

/** A resource collecting the `v` of every `n` event, made in a child injector. */
export function collect(request: () => SseResourceRequest | undefined, event: 'n' | 'n'[] = 'n') {
  return create(() =>
    sseResource<ResourceEvents, 'n', number[]>(request, {
      event,
      reduce: (list, { data }) => [...list, data.v],
      initialValue: [],
    }),
  );
}
