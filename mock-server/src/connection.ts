import type { ServerResponse } from 'node:http';

import type { FastifyReply, FastifyRequest } from 'fastify';

import type { Topic } from './events.ts';
import { SSE_HEADERS } from './sse.ts';

/** Who a stream belongs to and what it listens to; `user` is null for public streams. */
export interface StreamInfo {
  user: string | null;
  session: string | null;
  topics: ReadonlySet<Topic>;
  remote: string;
}

let nextStreamId = 1;

/**
 * One open event stream. All bytes go through `send`, which honours `write()` backpressure:
 * while the socket is full (or a stall fault is active) frames wait in a queue bounded by
 * `maxBufferBytes`, and a client that overflows it is disconnected, so a reader that stops
 * reading costs at most that much memory.
 */
export class SseConnection {
  readonly id = nextStreamId++;
  readonly openedAt = Date.now();
  private queue: string[] = [];
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
    res.on('close', () => {
      this.markClosed(this.closeReason);
      onClose(this, this.closeReason);
    });
  }

  /** Whether an event of this topic (null = always delivered) belongs on this stream. */
  accepts(topic: Topic | null): boolean {
    return topic === null || this.info.topics.has(topic);
  }

  /** Delivers a frame now, or queues it behind backpressure or a stall. */
  send(frame: string): void {
    if (this.closed) return;
    if (this.waitingForDrain || this.stallTimer) {
      this.enqueue(frame);
    } else {
      this.write(frame);
    }
  }

  /** Keep-alive bytes only matter on an idle, flowing stream; never queue them. */
  heartbeat(frame: string): void {
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
    this.res.end();
    // An ended SSE response is never reused; half-closing instead would leave the socket (and
    // a graceful shutdown) waiting on the client's keep-alive timer.
    this.res.socket?.destroySoon();
  }

  private write(frame: string): void {
    if (!this.res.write(frame)) this.waitingForDrain = true;
  }

  private enqueue(frame: string): void {
    this.queue.push(frame);
    this.queuedBytes += Buffer.byteLength(frame);
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
    const chunk = this.queue.join('');
    this.queue = [];
    this.queuedBytes = 0;
    this.write(chunk);
  }
}

/** Takes the response over from Fastify and starts an event stream, keeping hook headers (CORS). */
export function startStream(reply: FastifyReply): ServerResponse {
  reply.hijack();
  const headers = Object.fromEntries(
    Object.entries(reply.getHeaders()).filter(([, value]) => value !== undefined),
  );
  reply.raw.writeHead(200, { ...headers, ...SSE_HEADERS });
  return reply.raw;
}

/** `ip:port` of the client, for log lines. */
export function remoteOf(request: FastifyRequest): string {
  return `${request.ip}:${request.socket.remotePort ?? '?'}`;
}
