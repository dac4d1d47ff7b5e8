/** One parsed SSE block: its fields, or the comment text for comment-only blocks. */
export interface Frame {
  event?: string;
  id?: string;
  data?: string;
  retry?: string;
  comment?: string;
}

/** A parsed event's JSON data, for tests that know its shape. */
export function dataOf<T = Record<string, unknown>>(frame: Frame): T {
  return JSON.parse(frame.data ?? 'null') as T;
}

/**
 * A minimal SSE reader over fetch for tests: it keeps every block it has received, so tests
 * can assert on order, and wait for a condition with a generous deadline instead of sleeping.
 */
export class SseStream {
  readonly frames: Frame[] = [];
  /** Resolves when the server ends the stream (or the test closes it). */
  readonly ended: Promise<void>;
  private buffer = '';
  private wake: () => void = () => undefined;

  private constructor(
    readonly response: Response,
    private readonly controller: AbortController,
  ) {
    this.ended = this.pump().finally(() => this.wake());
  }

  /** Opens a stream; resolves once the response headers arrived. */
  static async open(url: string, cookie?: string, headers: Record<string, string> = {}) {
    const controller = new AbortController();
    const response = await fetch(url, {
      headers: { accept: 'text/event-stream', ...(cookie && { cookie }), ...headers },
      signal: controller.signal,
    });
    return new SseStream(response, controller);
  }

  /** POSTs a JSON body and reads the answer as a stream (chat); resolves with the headers. */
  static async post(url: string, json: unknown, cookie?: string) {
    const controller = new AbortController();
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        accept: 'text/event-stream',
        'content-type': 'application/json',
        ...(cookie && { cookie }),
      },
      body: JSON.stringify(json),
      signal: controller.signal,
    });
    return new SseStream(response, controller);
  }

  /** Frames that are named events (not comments or `retry:`-only blocks). */
  get events(): Frame[] {
    return this.frames.filter((frame) => frame.event !== undefined);
  }

  /** Named events of one type. */
  named(event: string): Frame[] {
    return this.frames.filter((frame) => frame.event === event);
  }

  /** Waits until `check(frames)` holds; throws after `timeoutMs` with what arrived. */
  async waitFor(check: (frames: Frame[]) => boolean, timeoutMs = 5000): Promise<Frame[]> {
    const deadline = Date.now() + timeoutMs;
    let ended = false;
    void this.ended.then(() => (ended = true));
    while (!check(this.frames)) {
      const left = deadline - Date.now();
      if (left <= 0 || ended) {
        throw new Error(`stream condition not met; got ${JSON.stringify(this.frames)}`);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 100));
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
    return this.frames;
  }

  /** Aborts the request. */
  close(): void {
    this.controller.abort();
  }

  private async pump(): Promise<void> {
    const body = this.response.body;
    if (!body) return;
    try {
      for await (const chunk of body.pipeThrough(new TextDecoderStream())) {
        this.buffer += chunk;
        let end: number;
        while ((end = this.buffer.indexOf('\n\n')) >= 0) {
          this.frames.push(parseBlock(this.buffer.slice(0, end)));
          this.buffer = this.buffer.slice(end + 2);
        }
        this.wake();
      }
    } catch {
      // Aborted by close() or cut by the server: either way the stream is over.
    }
  }
}

function parseBlock(block: string): Frame {
  const frame: Frame = {};
  for (const line of block.split('\n')) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon);
    const value = line.slice(colon + 1).replace(/^ /, '');
    if (name === '') frame.comment = value;
    else if (name === 'data')
      frame.data = frame.data === undefined ? value : `${frame.data}\n${value}`;
    else frame[name as 'event' | 'id' | 'retry'] = value;
  }
  return frame;
}
