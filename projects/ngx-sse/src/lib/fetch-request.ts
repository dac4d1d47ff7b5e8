import type { SseRequest } from './backend';
import type { SseHeaders } from './options';

/** An attempt's headers could not be built: a header function failed, or a value is invalid. */
export class HeadersFailure extends Error {
  constructor(
    /** A value no request may carry: retrying cannot fix it. */
    readonly invalid: boolean,
    cause: unknown,
  ) {
    super(`${invalid ? 'invalid header' : 'headers function failed'}: ${String(cause)}`, { cause });
  }
}

async function resolveHeaders(headers: SseHeaders | undefined): Promise<Headers> {
  let init: HeadersInit | undefined;
  try {
    init = typeof headers === 'function' ? await headers() : headers;
  } catch (cause) {
    // A token store that is down now may be up at the next attempt.
    throw new HeadersFailure(false, cause);
  }
  try {
    return new Headers(init);
  } catch (cause) {
    throw new HeadersFailure(true, cause);
  }
}

/**
 * A header value carrying `id` as UTF-8, as browsers' `EventSource` sends `Last-Event-ID`: fetch
 * headers take only byte strings, so each UTF-8 byte becomes one character.
 *
 * @example
 * lastEventIdHeader('café'); // 'cafÃ©' on the JS side, the bytes 63 61 66 C3 A9 on the wire
 */
export function lastEventIdHeader(id: string): string {
  let header = '';
  for (const byte of new TextEncoder().encode(id)) header += String.fromCharCode(byte);
  return header;
}

/** What `withFetchTransport()` sets for every fetch stream that the request builds on. */
export interface FetchRequestDefaults {
  readonly headers?: SseHeaders;
  readonly credentials?: RequestCredentials;
}

/**
 * The `fetch` options of one attempt: the defaults' headers, then the stream's (both evaluated
 * now), `Accept`, `Last-Event-ID` when resuming, and the credentials in effect. Throws a
 * {@link HeadersFailure} when the headers cannot be built.
 *
 * @example
 * const response = await fetch(request.url, await fetchInit(request, defaults, signal));
 */
export async function fetchInit(
  request: SseRequest,
  defaults: FetchRequestDefaults,
  signal: AbortSignal,
): Promise<RequestInit> {
  const { fetch: options, lastEventId } = request;
  // A stream's headers add to the defaults (an Authorization default survives a POST's
  // Content-Type); both are evaluated on every attempt.
  const headers = await resolveHeaders(defaults.headers);
  (await resolveHeaders(options.headers)).forEach((value, name) => headers.set(name, value));
  headers.set('Accept', 'text/event-stream');
  if (lastEventId) headers.set('Last-Event-ID', lastEventIdHeader(lastEventId));
  return {
    method: options.method,
    headers,
    body: options.body,
    credentials:
      options.credentials ??
      defaults.credentials ??
      (request.withCredentials ? 'include' : 'same-origin'),
    cache: 'no-store',
    signal,
  };
}
