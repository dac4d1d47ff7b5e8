import { type Resource, type Signal, computed } from '@angular/core';

/**
 * A Resource's value, or the last one it had while it has none: Angular's `value()` throws once
 * a resource is in error (a stream that stopped for good), and a view must keep showing what it
 * knew then, not throw and not go blank. A new request (a logout, a new login) resets it.
 */
export function lastValue<T>(resource: Resource<T>, initial: T): Signal<T> {
  let last = initial;
  return computed(() => (resource.hasValue() ? (last = resource.value()) : last));
}
