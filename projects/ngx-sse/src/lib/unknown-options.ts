import { FETCH_ONLY, type SseCommonOptions } from './options';

// The options of both transports, checked against their type by `satisfies`: adding one there
// without listing it here (or listing a name that is not one) does not compile. The fetch-only
// names are `FETCH_ONLY`, the list `stream()` refuses without `transport: 'fetch'`.
const COMMON = {
  deserialize: 0,
  withCredentials: 0,
  heartbeatTimeoutMs: 0,
  lingerMs: 0,
  lastEventId: 0,
  maxEventSize: 0,
  pauseWhenHidden: 0,
  reconnect: 0,
  crossTab: 0,
  shareKey: 0,
  injector: 0,
  destroyRef: 0,
  transport: 0,
} satisfies Record<keyof SseCommonOptions | 'transport', 0>;

/**
 * The dev-mode message for option names `stream()` does not know (a typo from untyped code, which
 * would otherwise be ignored without a word), naming the closest known one; `null` if all are known.
 *
 * @example
 * unknownOptionsMessage('/api/ticks', { heartbeatTimoutMs: 5000 });
 * // "ngx-sse: stream('/api/ticks') ignores the unknown option 'heartbeatTimoutMs' (did you mean 'heartbeatTimeoutMs'?)"
 */
export function unknownOptionsMessage(url: string, options: object): string | null {
  const known: string[] = [...Object.keys(COMMON), ...FETCH_ONLY];
  const unknown = Object.keys(options).filter((name) => !known.includes(name));
  if (!unknown.length) return null;
  const described = unknown.map((name) => {
    const near = closest(name, known);
    return `'${name}'${near ? ` (did you mean '${near}'?)` : ''}`;
  });
  const noun = unknown.length > 1 ? 'options' : 'option';
  return `ngx-sse: stream('${url}') ignores the unknown ${noun} ${described.join(', ')}`;
}

/** The known name within a few edits of `name` (case aside), if one is. */
function closest(name: string, known: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(name.length / 4)) + 1;
  for (const candidate of known) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(
        previous[j] + 1,
        row[j - 1] + 1,
        previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = row;
  }
  return previous[b.length];
}
