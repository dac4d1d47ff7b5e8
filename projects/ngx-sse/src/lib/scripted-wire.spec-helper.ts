/** One scripted answer: the body arrives as these network reads, then ends. */
export interface WireReply {
  /** Each entry is one read of the body; a string is UTF-8 encoded as is. */
  readonly reads: readonly (string | Uint8Array)[];
  readonly status?: number;
  readonly contentType?: string;
  /** Keep the body open after the reads, sending nothing more, until aborted. */
  readonly hold?: boolean;
}

/** A `fetch` that answers attempt n with reply n, and what each attempt sent. */
export interface ScriptedWire {
  readonly fetch: typeof fetch;
  /** The headers of every attempt so far, in order. */
  readonly sent: Headers[];
}

const encoder = new TextEncoder();

/**
 * The response a fake `fetch` gives for `reply`: its body delivers the reads, then ends (unless
 * `hold`), and errors when `signal` aborts. A 204 or 205 has no body, as the Fetch standard says.
 *
 * @example
 * return wireResponse({ reads: ['data: a\n\n'] }, init?.signal);
 */
export function wireResponse(reply: WireReply, signal?: AbortSignal | null): Response {
  const status = reply.status ?? 200;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      signal?.addEventListener('abort', () => controller.error(signal.reason));
      for (const read of reply.reads) {
        controller.enqueue(typeof read === 'string' ? encoder.encode(read) : read);
      }
      if (!reply.hold) controller.close();
    },
  });
  return new Response(status === 204 || status === 205 ? null : body, {
    status,
    headers: { 'Content-Type': reply.contentType ?? 'text/event-stream' },
  });
}

/**
 * A fake `fetch` (for `SSE_FETCH`) whose bodies arrive in exactly the given reads, so a spec can
 * place chunk boundaries (a CR before, its LF after; half a character) where a network might.
 * Attempts past the script stay open, sending nothing, until aborted.
 *
 * @example
 * const wire = scriptedWire([{ reads: ['data: a\r', '\n\n'] }]);
 * providers: [{ provide: SSE_FETCH, useValue: wire.fetch }];
 * expect(wire.sent[1].get('Last-Event-ID')).toBeNull();
 */
export function scriptedWire(replies: readonly WireReply[]): ScriptedWire {
  const sent: Headers[] = [];
  const fetch = async (_url: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    sent.push(new Headers(init?.headers));
    return wireResponse(replies[sent.length - 1] ?? { reads: [], hold: true }, init?.signal);
  };
  return { fetch, sent };
}
