import type { SseConfig } from './config';
import type { SseMachineRequest } from './machine-types';
import { FETCH_ONLY, type SseFetchOptions, type SseStreamOptions } from './options';
import { requestProblem } from './request-checks';
import { headersKey } from './request-key';
import { SseError } from './sse-error';
import { text } from './stream-ref';
import type { SseDeserializer } from './types';

const DESERIALIZERS: Record<'json' | 'text', SseDeserializer> = {
  json: (data) => JSON.parse(data),
  text,
};

/**
 * What `SseClient.stream()` makes of its options before it looks for a connection: the request
 * its machine repeats on every attempt, the HTTP method (`GET` unless the fetch options name
 * another), the headers' sharing key (see `headersKey`), the linger and the deserializer. A tuple,
 * not an object: its field names would stay in every app bundle.
 */
export type SseStreamRequest = readonly [
  request: SseMachineRequest,
  method: string,
  headers: unknown,
  lingerMs: number,
  deserializer: SseDeserializer,
];

/**
 * Resolves `options` over `config` into the connection's request, and rejects a request no
 * attempt could send with an `invalid-request` {@link SseError}, at the call rather than on the
 * first attempt. `base` resolves a relative URL (the document's base URI).
 *
 * @example
 * const [request] = streamRequest('/api/chat', { transport: 'fetch', method: 'POST', body }, config, base);
 * request.reconnect; // false: re-sending a POST would repeat its effect
 */
export function streamRequest(
  url: string,
  options: SseStreamOptions,
  config: SseConfig,
  base: string,
): SseStreamRequest {
  const transport = options.transport ?? config.transport;
  const fetch = options as Partial<SseFetchOptions>;
  const method = fetch.method ?? 'GET';
  const { deserialize = 'json' } = options;
  const deserializer =
    typeof deserialize === 'function'
      ? deserialize
      : deserialize === 'json' || deserialize === 'text'
        ? DESERIALIZERS[deserialize]
        : null;
  const misplaced = FETCH_ONLY.find((key) => fetch[key] !== undefined);
  const lingerMs = options.lingerMs ?? config.lingerMs;
  const maxEventSize = options.maxEventSize ?? config.maxEventSize;
  const heartbeatTimeoutMs = options.heartbeatTimeoutMs ?? config.heartbeatTimeoutMs;
  const initialLastEventId = options.lastEventId ?? '';
  const problem = requestProblem({
    url,
    base,
    transport,
    misplaced,
    method,
    body: fetch.body,
    deserialize,
    hasDeserializer: !!deserializer,
    // Checked against the configuration, not the backend in use, so a test with the testing
    // kit's backend fails as production does without `withFetchTransport()`.
    hasBackend: transport !== 'fetch' || !!config.backends.fetch,
    maxEventSize,
    heartbeatTimeoutMs,
    lingerMs,
    lastEventId: initialLastEventId,
  });
  if (problem) throw new SseError('invalid-request', { url, detail: problem });
  const headers = validHeaders(url, fetch.headers);
  const attempt = {
    url,
    transport,
    withCredentials: options.withCredentials ?? config.withCredentials,
    lastEventIdParam: config.lastEventIdParam,
    maxEventSize,
    fetch: {
      method,
      headers: fetch.headers,
      body: fetch.body,
      credentials: fetch.credentials,
      replayWhenVisible: fetch.replayWhenVisible,
    },
  };
  const request = {
    attempt,
    initialLastEventId,
    heartbeatTimeoutMs,
    pauseWhenHidden: !!options.pauseWhenHidden,
    comments: !!fetch.comments,
    // Re-sending a POST would repeat its effect (a prompt, an order): only GETs by default.
    reconnect: options.reconnect ?? method === 'GET',
  };
  return [request, method, headers, lingerMs, deserializer!];
}

/** The sharing key of `headers`; a static header the browser would refuse is a bad request now. */
function validHeaders(url: string, headers: SseFetchOptions['headers']): unknown {
  try {
    return headersKey(headers);
  } catch (cause) {
    throw new SseError('invalid-request', { url, detail: `headers: ${String(cause)}`, cause });
  }
}
