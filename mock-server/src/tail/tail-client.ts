import {
  SseParser,
  type SseParsedEvent,
} from '../../../projects/ngx-sse/src/lib/parser/sse-parser.ts';
import type { TailOptions } from './tail-options.ts';

/** Where the tail client writes: events to `out`, status lines to `log`. */
export interface TailOutput {
  out(line: string): void;
  log(line: string): void;
}

/** Why the client gave up, as one line, and the exit code. */
export class TailStop extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

const DEFAULT_RETRY_MS = 1000;
const MAX_BACKOFF_MS = 30_000;

/**
 * Follows an event stream like a terminal `tail -f`: signs in when given a user, prints each
 * event as it arrives, and on a drop reconnects with `Last-Event-ID` after the server's
 * `retry:` delay, doubling it (up to 30 s) while attempts keep failing. Stops for good, with a
 * one-line reason, on 401, 404, other client errors, 204 or a response that is not an event
 * stream. Parsing is ngx-sse's own `SseParser`, over Node's fetch: no browser, no Angular.
 *
 * @example
 * await tail(options, { out: console.log, log: console.error }, controller.signal);
 */
export async function tail(
  options: TailOptions,
  output: TailOutput,
  signal: AbortSignal,
): Promise<void> {
  const cookie = options.user ? await signIn(options.url, options.user, signal) : undefined;
  if (options.user) output.log(`signed in as ${options.user}`);
  let retryMs = DEFAULT_RETRY_MS;
  let failures = 0;
  const parser = new SseParser(
    {
      event: (event) => {
        failures = 0;
        output.out(formatEvent(event));
      },
      retry: (ms) => (retryMs = ms),
      comment: (text) => {
        if (options.comments) output.out(`${timestamp()} : ${text}`);
      },
    },
    { lastEventId: options.lastEventId },
  );

  while (!signal.aborted) {
    let waitMs: number;
    try {
      const response = await connect(options.url, cookie, parser.lastEventId, signal);
      checkStream(response);
      output.log(`connected to ${options.url.href}${resumeNote(parser.lastEventId)}`);
      for await (const chunk of response.body!) parser.feed(chunk);
      output.log('stream ended');
      waitMs = retryMs;
    } catch (error) {
      if (error instanceof TailStop || signal.aborted) throw error;
      const delay = error instanceof RetryLater ? error.ms : retryMs;
      waitMs = Math.min(MAX_BACKOFF_MS, delay * 2 ** failures++);
      output.log(`${(error as Error).message}`);
    }
    parser.reset();
    output.log(`reconnecting in ${waitMs} ms${resumeNote(parser.lastEventId)}`);
    await sleep(waitMs, signal);
  }
}

/** A retryable failure (network error, 429, 5xx), with the delay the server asked for. */
class RetryLater extends Error {
  constructor(
    message: string,
    readonly ms: number,
  ) {
    super(message);
  }
}

async function signIn(url: URL, username: string, signal: AbortSignal): Promise<string> {
  const response = await fetch(new URL('/api/session', url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username }),
    signal,
  });
  if (!response.ok) {
    throw new TailStop(`sign-in failed: ${response.status} ${await reason(response)}`, 1);
  }
  const cookie = response.headers.getSetCookie()[0]?.split(';')[0];
  if (!cookie) throw new TailStop('sign-in failed: no session cookie in the answer', 1);
  return cookie;
}

async function connect(
  url: URL,
  cookie: string | undefined,
  lastEventId: string,
  signal: AbortSignal,
): Promise<Response> {
  const headers: Record<string, string> = { accept: 'text/event-stream' };
  if (cookie) headers['cookie'] = cookie;
  if (lastEventId) headers['last-event-id'] = lastEventId;
  try {
    const response = await fetch(url, { headers, signal, cache: 'no-store' });
    if (response.status === 429 || response.status >= 500) {
      const after = Number(response.headers.get('retry-after'));
      const message = `${response.status} ${await reason(response)}`;
      throw new RetryLater(message, after > 0 ? after * 1000 : DEFAULT_RETRY_MS);
    }
    if (response.status !== 200) {
      const text = `${response.status} ${await reason(response)}`;
      throw new TailStop(response.status === 204 ? 'the server said stop (204)' : text, 1);
    }
    return response;
  } catch (error) {
    if (error instanceof TailStop || error instanceof RetryLater || signal.aborted) throw error;
    throw new RetryLater(`connection failed: ${(error as Error).message}`, DEFAULT_RETRY_MS);
  }
}

function checkStream(response: Response): void {
  const type = response.headers.get('content-type') ?? 'none';
  if (!/^text\/event-stream\b/i.test(type)) {
    void response.body?.cancel();
    throw new TailStop(`not an event stream: Content-Type ${type}`, 1);
  }
}

/** The server's `{ error, detail }`, or the status text. */
async function reason(response: Response): Promise<string> {
  const text = await response.text().catch(() => '');
  try {
    const { error, detail } = JSON.parse(text) as { error?: string; detail?: unknown };
    const more = typeof detail === 'string' ? detail : JSON.stringify(detail);
    return error ? `${error}${more ? `: ${more}` : ''}` : response.statusText;
  } catch {
    return response.statusText;
  }
}

function formatEvent({ type, lastEventId, data }: SseParsedEvent): string {
  return `${timestamp()} ${type} id=${lastEventId || '-'} ${data}`;
}

function resumeNote(lastEventId: string): string {
  return lastEventId ? ` (Last-Event-ID: ${lastEventId})` : '';
}

function timestamp(): string {
  return new Date().toISOString().slice(11, 23);
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });
}
