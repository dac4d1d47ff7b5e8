import { atLeast } from './number-checks';

/** What `SseClient.stream()` resolved from its options, before anything connects. */
export interface SseRequestDraft {
  readonly transport: string;
  /** The first fetch-only option set, if any. */
  readonly misplaced: string | undefined;
  readonly method: string;
  readonly body: unknown;
  readonly deserialize: unknown;
  readonly hasDeserializer: boolean;
  readonly hasBackend: boolean;
  readonly maxEventSize: unknown;
  readonly heartbeatTimeoutMs: unknown;
  readonly lingerMs: unknown;
  readonly lastEventId: unknown;
}

const METHODS: readonly string[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/**
 * The first thing wrong with `draft`, in words, or `undefined`. It catches what the types refuse,
 * for untyped callers, and the numbers types cannot: each would otherwise become a silent default
 * or a timer firing in a loop.
 *
 * @example
 * requestProblem({ ...draft, method: 'GET', body: '{}' }); // 'a GET stream cannot have a body'
 */
export function requestProblem(draft: SseRequestDraft): string | undefined {
  const { transport, method } = draft;
  const checks: readonly (readonly [boolean, string])[] = [
    [transport !== 'eventsource' && transport !== 'fetch', `unknown transport '${transport}'`],
    [transport !== 'fetch' && !!draft.misplaced, `${draft.misplaced} needs transport: 'fetch'`],
    [!METHODS.includes(method), `unsupported method '${method}'`],
    [method === 'GET' && draft.body != null, 'a GET stream cannot have a body'],
    [!draft.hasDeserializer, `unknown deserialize '${String(draft.deserialize)}'`],
    [!draft.hasBackend, `transport '${transport}' needs provideSse(withFetchTransport())`],
    [
      !atLeast(draft.maxEventSize, 1),
      `maxEventSize must be ≥ 1, got ${String(draft.maxEventSize)}`,
    ],
    [
      !atLeast(draft.heartbeatTimeoutMs, 0),
      `heartbeatTimeoutMs must be a finite number ≥ 0, got ${String(draft.heartbeatTimeoutMs)}`,
    ],
    [
      !atLeast(draft.lingerMs, 0),
      `lingerMs must be a finite number ≥ 0, got ${String(draft.lingerMs)}`,
    ],
    [typeof draft.lastEventId !== 'string', 'lastEventId must be a string'],
  ];
  return checks.find(([failed]) => failed)?.[1];
}
