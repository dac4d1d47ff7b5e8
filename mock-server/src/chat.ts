import type { FastifyReply } from 'fastify';

import { SseConnection, startStream, type StreamInfo } from './connection.ts';
import { formatEvent } from './sse.ts';
import type { StreamSlots } from './stream-slots.ts';
import type { ChatEvents } from './wire.ts';

/** Canned answers, picked by keyword or else by a hash of the prompt; each well over 20 tokens. */
const ANSWERS: { keywords: RegExp; text: string }[] = [
  {
    keywords: /\b(sse|event|stream)/i,
    text:
      'Server-Sent Events keep one HTTP response open and push named, numbered events down it. ' +
      'The browser reconnects by itself and sends the last id it saw, so the server can replay ' +
      'what was missed.',
  },
  {
    keywords: /\b(retry|reconnect|backoff|drop)/i,
    text:
      'When a stream drops, wait the retry delay the server asked for, add some jitter, and ' +
      'reconnect with Last-Event-ID. If the server answers with a reset, refetch the state over ' +
      'REST before trusting the stream again.',
  },
  {
    keywords: /\b(angular|signal|component)/i,
    text:
      'In Angular, keep the stream in a service, expose its latest values as signals, and let ' +
      'components read them. Zoneless change detection then renders only what changed, once ' +
      'per animation frame.',
  },
  {
    keywords: /$^/,
    text:
      'This is a mock assistant: it streams a canned answer one word at a time, about every ' +
      'forty milliseconds, so you can watch tokens arrive, cancel midway and check what the ' +
      'server logged.',
  },
];

/** The canned answer for a prompt, split into tokens (each word with its trailing space). */
export function answerTokens(prompt: string): string[] {
  const answer =
    ANSWERS.find((a) => a.keywords.test(prompt)) ?? ANSWERS[hash(prompt) % ANSWERS.length];
  return answer.text.match(/\S+\s*/g) ?? [];
}

/** Delay before token `i`: 30-60 ms, deterministic so runs are repeatable. */
export function tokenDelayMs(i: number): number {
  return 30 + ((i * 7919) % 31);
}

function hash(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (h * 31 + text.charCodeAt(i)) >>> 0;
  return h;
}

const frame = <E extends keyof ChatEvents>(event: E, data: ChatEvents[E]) =>
  formatEvent({ event, data: JSON.stringify(data) });

/**
 * Streams chat answers: `token` events at their pace, then `done`, then the end of the body.
 * Logs a chat the client abandoned, and ends every chat on shutdown.
 */
export class ChatRunner {
  private nextId = 1;
  private readonly active = new Set<SseConnection>();

  constructor(
    private readonly slots: StreamSlots,
    private readonly maxBufferBytes: number,
    private readonly log: (line: string) => void,
  ) {}

  /**
   * Streams the answer to `prompt` on the reply; over a stream cap, throws the
   * `too-many-streams` error instead, before any byte of the stream.
   */
  start(reply: FastifyReply, info: StreamInfo, prompt: string): void {
    this.slots.claim(info.session);
    const chat = this.nextId++;
    const tokens = answerTokens(prompt);
    let sent = 0;
    let timer: NodeJS.Timeout | undefined;
    const connection = new SseConnection(
      startStream(reply),
      info,
      this.maxBufferBytes,
      (c, reason) => {
        this.slots.release(info.session);
        clearTimeout(timer);
        this.active.delete(c);
        if (sent === tokens.length) return;
        const why = reason === 'client closed' ? 'closed by client' : `ended (${reason})`;
        this.log(`chat #${chat} ${why} after ${sent} tokens`);
      },
    );
    this.active.add(connection);
    const next = () => {
      connection.send(frame('token', { text: tokens[sent++] }));
      if (sent < tokens.length) {
        timer = setTimeout(next, tokenDelayMs(sent));
        return;
      }
      connection.send(frame('done', { tokens: sent }));
      connection.end('done');
    };
    timer = setTimeout(next, tokenDelayMs(0));
  }

  /** Ends the chats of a session that ended. */
  endSession(token: string, reason: string): void {
    for (const connection of [...this.active]) {
      if (connection.info.session === token) connection.end(reason);
    }
  }

  /** Ends every chat in progress (server shutdown). */
  stopAll(): void {
    for (const connection of [...this.active]) connection.end('server shutdown');
  }
}
