import { numberProblem } from './number-checks';

/** What `SseClient.stream()` resolved from its options, before anything connects. */
export interface SseRequestDraft {
  readonly url: string;
  /** What a relative `url` resolves against (the document's base URI). */
  readonly base: string;
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
/** The schemes a stream can be read from; fetch() fails any other on every attempt. */
const SCHEMES: readonly string[] = ['http:', 'https:', 'data:', 'blob:'];

/**
 * What is wrong with `url` resolved against `base`, or `false`. The page's own scheme passes
 * too: an app served from `app:`, `capacitor:` or `tauri:` streams from where it was loaded.
 */
function urlProblem(url: string, base: string): string | false {
  // fetch() would reject these on every attempt, which looks like a network failure: a
  // reconnect loop that can never succeed, where browsers fail the EventSource at once.
  if (!URL.canParse(url, base)) return `not a valid URL: '${url}'`;
  const { protocol } = new URL(url, base);
  const allowed = SCHEMES.includes(protocol) || protocol === new URL(base).protocol;
  return !allowed && `unsupported URL scheme '${protocol}' in '${url}'`;
}

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
  // In order, each the problem in words or `false`: the first one is reported.
  const problems: readonly (string | false | undefined)[] = [
    urlProblem(draft.url, draft.base),
    transport !== 'eventsource' && transport !== 'fetch' && `unknown transport '${transport}'`,
    transport !== 'fetch' && !!draft.misplaced && `${draft.misplaced} needs transport: 'fetch'`,
    !METHODS.includes(method) && `unsupported method '${method}'`,
    method === 'GET' && draft.body != null && 'a GET stream cannot have a body',
    // A stream can be read once: every reconnect and 401 retry would send it empty.
    typeof ReadableStream !== 'undefined' &&
      draft.body instanceof ReadableStream &&
      'a ReadableStream body cannot be sent again on a reconnect: pass a string, Blob, FormData, URLSearchParams or buffer',
    !draft.hasDeserializer && `unknown deserialize '${String(draft.deserialize)}'`,
    !draft.hasBackend && `transport '${transport}' needs provideSse(withFetchTransport())`,
    numberProblem('maxEventSize', draft.maxEventSize, 1),
    numberProblem('heartbeatTimeoutMs', draft.heartbeatTimeoutMs, 0),
    numberProblem('lingerMs', draft.lingerMs, 0),
    typeof draft.lastEventId !== 'string' && 'lastEventId must be a string',
    // No server id holds one (they end a line, and a NUL id is ignored), and no header can carry
    // it: on fetch every attempt would fail before sending, retried for ever as `network`.
    typeof draft.lastEventId === 'string' &&
      /[\r\n\0]/.test(draft.lastEventId) &&
      'lastEventId cannot hold CR, LF or NUL',
  ];
  return problems.find((problem): problem is string => !!problem);
}
