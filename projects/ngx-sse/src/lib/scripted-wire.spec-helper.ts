/** One scripted answer: the body arrives as these network reads, then ends. */
export interface WireReply {
  /** Each entry is one read of the body; a string is UTF-8 encoded as is. */
  readonly reads: readonly (string | Uint8Array)[];
  readonly status?: number;
  readonly contentType?: string;
}

/** A `fetch` that answers attempt n with reply n, and what each attempt sent. */
export interface ScriptedWire {
  readonly fetch: typeof fetch;
  /** The headers of every attempt so far, in order. */
  readonly sent: Headers[];
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
  const encoder = new TextEncoder();
  const fetch = async (_url: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    sent.push(new Headers(init?.headers));
    const reply = replies[sent.length - 1];
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        init?.signal?.addEventListener('abort', () => controller.error(init.signal!.reason));
        if (!reply) return;
        for (const read of reply.reads) {
          controller.enqueue(typeof read === 'string' ? encoder.encode(read) : read);
        }
        controller.close();
      },
    });
    const headers = { 'Content-Type': reply?.contentType ?? 'text/event-stream' };
    return new Response(body, { status: reply?.status ?? 200, headers });
  };
  return { fetch, sent };
}
