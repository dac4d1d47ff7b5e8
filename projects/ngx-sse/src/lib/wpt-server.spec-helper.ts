import { type WireReply, wireResponse } from './scripted-wire.spec-helper';
import { until } from './sse-stub.spec-helper';
import { type Seen, playWire } from './wire-client.spec-helper';

// The WPT server scripts (`eventsource/resources/*.py`) re-created as a fake `fetch` answering the
// same URLs with the same bytes, so a ported case runs the WPT URL verbatim on the fetch
// transport, and the harness that plays such a stream (`conformance-wpt-*.spec.ts`).

/** One request the fake WPT server received. */
export interface WptRequest {
  url: URL;
  init: RequestInit;
  headers: Headers;
  /** What the fake `fetch` returned for it (rejected when the request was aborted). */
  response?: Promise<Response>;
}

const encoder = new TextEncoder();

/** The UTF-8 text of a header value fetch carries as bytes (one character per byte). */
export const headerText = (value: string | null) =>
  value === null ? null : new TextDecoder().decode(Uint8Array.from(value, (c) => c.charCodeAt(0)));

/** `resources/message.py`: `message` (default `data: data`), then `\n\n` unless `newline=none`, then `\n`. */
function messagePy(query: URLSearchParams): string {
  const message = query.get('message') ?? 'data: data';
  return message + (query.get('newline') === 'none' ? '' : '\n\n') + '\n';
}

/** One iteration of `resources/message2.py`'s endless loop. */
const MESSAGE2_PY =
  'data:msg\ndata: msg\n\n:\nfalsefield:msg\n\nfalsefield:msg\nData:data\n\ndata\n\ndata:end\n\n';

/** `resources/last-event-id2.py?type=` 1 (persists), 2 (changes and persists), 3 (resets). */
const LAST_EVENT_ID2_PY: Record<string, string> = {
  '1': 'id: 1\ndata: 1\n\ndata:2\n\n',
  '2': 'id: 1\ndata: 1\n\nid: 2\ndata:2\n\ndata:3\n\n',
  '3': 'id: 1\ndata: 1\n\nid:\ndata:2\n\ndata:3\n\n',
};

interface WptReply extends Omit<WireReply, 'reads'> {
  /** The whole body, sent as one read; `hold` keeps it open after (message2.py loops forever). */
  body: string;
  /** Answer only after this many ms (message.py's `sleep`). */
  sleepMs?: number;
}

/**
 * The WPT server scripts the ported cases use. `state` plays the cookies the scripts keep per
 * test (status-reconnect.py, reconnect-fail.py).
 */
function wptReply(request: WptRequest, state: Map<string, string>): WptReply {
  const { url, headers, init } = request;
  const q = url.searchParams;
  const stream = (body: string, status = 200): WptReply => ({
    status,
    contentType: 'text/event-stream',
    body,
  });
  const lastEventId = headerText(headers.get('Last-Event-ID'));
  switch (url.pathname.split('/').pop()) {
    case 'message.py':
      return {
        ...stream(messagePy(q)),
        contentType: q.get('mime') ?? 'text/event-stream',
        sleepMs: Number(q.get('sleep') ?? 0),
      };
    case 'message2.py':
      return { ...stream(MESSAGE2_PY), hold: true };
    case 'last-event-id.py':
      // A reconnect echoes its Last-Event-ID; a first request gets an id (U+2026 by default).
      return lastEventId
        ? stream(`data: ${lastEventId}\n\n`)
        : stream(`id: ${q.get('idvalue') ?? '\u2026'}\nretry: 200\ndata: hello\n\n`);
    case 'last-event-id2.py':
      return stream(LAST_EVENT_ID2_PY[q.get('type') ?? '1'] ?? 'data: invalid_test\n\n');
    case 'status-error.py': {
      const status = Number(q.get('status') ?? 404);
      return stream(status === 204 || status === 205 ? '' : 'data: data\n\n', status);
    }
    case 'status-reconnect.py': {
      const status = q.get('status') ?? '204';
      const name = `request${q.get('id') ?? status}`;
      if (state.get(name) === status) {
        state.delete(name);
        return stream('data: data\n\n');
      }
      state.set(name, status);
      return stream('retry: 2\n' + (q.has('ok_first') ? 'data: ok\n\n' : ''), Number(status));
    }
    case 'reconnect-fail.py': {
      const name = `recon_fail_${q.get('id')}`;
      const was = state.get(name);
      if (was === 'opened') {
        state.set(name, 'reconnected');
        return stream('data: reconnected\n\n');
      }
      if (was === 'reconnected') {
        state.delete(name);
        return stream('data: closed\n\n', 204);
      }
      state.set(name, 'opened');
      return stream('retry: 2\ndata: opened\n\n');
    }
    case 'accept.event_stream':
      // `data: {{headers[accept]}}`
      return stream(`data: ${headers.get('Accept')}\n\n`);
    case 'cache-control.event_stream': {
      // `data: {{headers[cache-control]}}`. The Fetch standard's HTTP-network-or-cache fetch
      // appends `Cache-Control: no-cache` to a request whose cache mode is no-store or reload
      // (and that has none), so that is what reaches a real server.
      const sent =
        headers.get('Cache-Control') ??
        (init.cache === 'no-store' || init.cache === 'reload' ? 'no-cache' : '');
      return stream(`data: ${sent}\n\n`);
    }
    default:
      return { ...stream('', 404), contentType: 'text/plain' };
  }
}

/** A fake `fetch` (for `SSE_FETCH`) that answers as the WPT server does, and what it received. */
export function wptServer() {
  const requests: WptRequest[] = [];
  const state = new Map<string, string>();
  const answer = async (request: WptRequest): Promise<Response> => {
    const reply = wptReply(request, state);
    const { signal } = request.init;
    if (reply.sleepMs) {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(resolve, reply.sleepMs);
        signal?.addEventListener('abort', () => {
          clearTimeout(timer);
          reject(signal.reason);
        });
      });
    }
    signal?.throwIfAborted();
    return wireResponse({ ...reply, reads: reply.body ? [reply.body] : [] }, signal);
  };
  const fetch = (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const request: WptRequest = {
      url: new URL(String(input), document.baseURI),
      init,
      headers: new Headers(init.headers),
    };
    requests.push(request);
    return (request.response = answer(request));
  };
  return { fetch, requests };
}

/** The bytes the fake WPT server sends for `url` on a first request. */
export function wptBody(url: string): Uint8Array {
  const reply = wptReply(
    { url: new URL(url, document.baseURI), init: {}, headers: new Headers() },
    new Map(),
  );
  return encoder.encode(reply.body);
}

/**
 * Opens `url` on the fetch transport against the fake WPT server (see `playWire()`), with the
 * requests the server received.
 */
export function playWpt(url: string) {
  const server = wptServer();
  return { ...playWire(server.fetch, { url }), requests: server.requests };
}

/** Waits for `count` events on a playWpt stream. */
export const saw = (seen: Seen[], count: number) =>
  until(() => seen.length >= count, `${count} event(s), saw ${JSON.stringify(seen)}`);

/** Lets timers and reads run, so anything that would still happen has. */
export const settleFor = (ms = 50) => new Promise((resolve) => setTimeout(resolve, ms));
