import { DestroyRef, inject } from '@angular/core';

/** The `DestroyRef` of the current injection context, or none outside of one. */
export function currentDestroyRef(): DestroyRef | undefined {
  try {
    return inject(DestroyRef);
  } catch {
    // Angular 21 has no public "am I in an injection context" check; `inject` throwing is it.
    return undefined;
  }
}
