import type { ServerResponse } from 'node:http';

import type { FastifyReply, FastifyRequest } from 'fastify';

import type { Topic } from './events.ts';
import { onceClosed } from './response-closed.ts';
import { SSE_HEADERS, formatComment } from './sse.ts';

/** Who a stream belongs to and what it listens to; `user` is null for public streams. */
export interface StreamInfo {
  user: string | null;
  session: string | null;
  topics: ReadonlySet<Topic>;
  remote: string;
}

let nextStreamId = 1;

/** A frame as written: text, or a Buffer encoded once and shared by many streams. */
export type Frame = string | Buffer;

// Connections written to in the current tick, uncorked together once it ends.
const corked: SseConnection[] = [];

function uncorkAll(): void {
  for (const connection of corked.splice(0)) connection.uncork();
}

/**
 * One open event stream. All bytes go through `send`, which honours `write()` backpressure:
 * while the socket is full (or a stall fault is active) frames wait in a queue bounded by
 * `maxBufferBytes`, and a client that overflows it is disconnected, so a reader that stops
 * reading costs at most that much memory.
 */
export class SseConnection {
  readonly id = nextStreamId++;
  readonly openedAt = Date.now();
  private queue: Frame[] = [];
  private corked = false;
  private queuedBytes = 0;
  private waitingForDrain = false;
  private stallTimer: NodeJS.Timeout | undefined;
  private closeReason = 'client closed';
  private closed = false;

  constructor(
    private readonly res: ServerResponse,
    readonly info: StreamInfo,
    private readonly maxBufferBytes: number,
    onClose: (connection: SseConnection, reason: string) => void,
  ) {
    res.on('drain', () => {
      this.waitingForDrain = false;
      this.flush();
    });
    onceClosed(res, () => {
      this.markClosed(this.closeReason);
      onClose(this, this.closeReason);
    });
  }

  /** Whether an event of this topic (null = always delivered) belongs on this stream. */
  accepts(topic: Topic | null): boolean {
    return topic === null || this.info.topics.has(topic);
  }

  /** Delivers a frame now, or queues it behind backpressure or a stall. */
  send(frame: Frame): void {
    if (this.closed) return;
    if (this.waitingForDrain || this.stallTimer) {
      this.enqueue(frame);
    } else {
      this.write(frame);
    }
  }

  /** Keep-alive bytes only matter on an idle, flowing stream; never queue them. */
  heartbeat(frame: Frame): void {
    if (!this.closed && !this.waitingForDrain && !this.stallTimer) this.write(frame);
  }

  /** Sends nothing for `ms`, then flushes what was queued meanwhile. */
  stall(ms: number): void {
    clearTimeout(this.stallTimer);
    this.stallTimer = setTimeout(() => {
      this.stallTimer = undefined;
      if (!this.waitingForDrain) this.flush();
    }, ms);
  }

  /** Ends the response and closes the connection, without waiting for the client to agree. */
  end(reason: string): void {
    if (this.closed) return;
    // A backed-up socket would never flush the end; there is nothing left worth delivering.
    const destroy = this.waitingForDrain;
    this.markClosed(reason);
    if (destroy) {
      this.res.destroy();
      return;
    }
    // The reason as a last comment: every client ignores it, but a reader of the raw stream (curl,
    // a fetch transport's comments) learns why it ended, e.g. a logout in another tab.
    this.res.end(formatComment(`stream ended: ${reason}`));
    // An ended SSE response is never reused; half-closing instead would leave the socket (and
    // a graceful shutdown) waiting on the client's keep-alive timer.
    this.res.socket?.destroySoon();
  }

  /** Flushes what this tick wrote, in one write to the socket. */
  uncork(): void {
    this.corked = false;
    if (!this.res.destroyed) this.res.uncork();
  }

  /**
   * Writes at once, but corked: the first write of a tick corks the response and schedules the
   * uncork for the end of the tick. `write()` still reports a full socket, so backpressure works
   * as without corking.
   */
  private write(frame: Frame): void {
    if (!this.corked) {
      this.corked = true;
      this.res.cork();
      if (corked.push(this) === 1) process.nextTick(uncorkAll);
    }
    if (!this.res.write(frame)) this.waitingForDrain = true;
  }

  private enqueue(frame: Frame): void {
    this.queue.push(frame);
    this.queuedBytes += typeof frame === 'string' ? Buffer.byteLength(frame) : frame.length;
    if (this.queuedBytes > this.maxBufferBytes) {
      this.markClosed(`slow client: over ${this.maxBufferBytes} buffered bytes`);
      this.res.destroy();
    }
  }

  /** From here on nothing is written: a write after end() would raise an unhandled error. */
  private markClosed(reason: string): void {
    this.closed = true;
    this.closeReason = reason;
    clearTimeout(this.stallTimer);
    this.queue = [];
    this.queuedBytes = 0;
  }

  private flush(): void {
    if (this.closed || this.queue.length === 0) return;
    const chunk = Buffer.concat(
      this.queue.map((frame) => (typeof frame === 'string' ? Buffer.from(frame) : frame)),
    );
    this.queue = [];
    this.queuedBytes = 0;
    this.write(chunk);
  }
}

/**
 * Takes the response over from Fastify and starts an event stream, keeping hook headers (CORS).
 * HTTP/1.0 has no chunked encoding, so a body of unknown length ends only when the connection
 * closes: such a stream says `Connection: close`, not the `keep-alive` it could never honour.
 */
export function startStream(reply: FastifyReply): ServerResponse {
  reply.hijack();
  const headers = Object.fromEntries(
    Object.entries(reply.getHeaders()).filter(([, value]) => value !== undefined),
  );
  const http10 = reply.raw.req.httpVersionMajor === 1 && reply.raw.req.httpVersionMinor === 0;
  reply.raw.writeHead(200, { ...headers, ...SSE_HEADERS, ...(http10 && { Connection: 'close' }) });
  return reply.raw;
}

/** `ip:port` of the client, for log lines. */
export function remoteOf(request: FastifyRequest): string {
  return `${request.ip}:${request.socket.remotePort ?? '?'}`;
}
