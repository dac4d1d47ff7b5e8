import type { SseHeaders } from './options';

const identities = new WeakMap<object, number>();
let lastIdentity = 0;

/** A stable number per object, for values that cannot be compared by content. */
export function identity(value: object): number {
  let id = identities.get(value);
  if (id === undefined) identities.set(value, (id = ++lastIdentity));
  return id;
}

/**
 * Headers as a comparable value: static headers by their (lower-cased, sorted) entries, a
 * function by identity, since two functions cannot be told equal by what they would return.
 */
export function headersKey(headers: SseHeaders | undefined): unknown {
  if (headers === undefined) return null;
  if (typeof headers === 'function') return identity(headers);
  return [...new Headers(headers)].sort();
}

/** A `JSON.stringify` replacer: leaves out of a key what `headersKey` or `shareKey` stands for. */
export const omitBody = (name: string, value: unknown) =>
  name === 'headers' || name === 'body' ? undefined : value;
