import { DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import type { SseState } from 'ngx-sse';
import { Subscription } from 'rxjs';

import { ChatClient, type ChatStream } from './chat-stream';
import { stateReason } from '../shared/format';

/** Where the current answer is. */
export type ChatStatus = 'idle' | 'sending' | 'streaming' | 'done' | 'stopped' | 'error';

/** A failed answer's reason (the stream state's), as the user reads it. */
export function chatErrorMessage(state: SseState): string {
  const reason = stateReason(state) ?? state.status;
  switch (reason) {
    case 'http 429': {
      // The server's Retry-After, when it sent one, says how long; rounded up to whole seconds.
      const waitMs = state.status === 'closed' ? state.error?.retryAfterMs : undefined;
      const wait = waitMs === undefined ? 'a little' : `${Math.ceil(waitMs / 1000)} s`;
      return `Too many prompts in a minute. Wait ${wait}, then press Retry.`;
    }
    case 'unauthorized 401':
    case 'unauthorized 403':
      return 'Your session has ended (it expired, or the server restarted). Sign in again to ask.';
    case 'http 400':
    case 'http 415':
      return `The server refused the prompt (${reason}).`;
    case 'network':
    case 'ended':
    case 'idle-timeout':
      return `The connection dropped before the answer was complete (${reason}). Press Retry to ask again.`;
    default:
      return `The answer failed (${reason}). Press Retry to ask again.`;
  }
}

/**
 * One conversation turn at a time: sends a prompt, appends the answer's tokens at most once per
 * animation frame, and ends on `done`, Stop or the first failure. It never re-sends a prompt by
 * itself: the library would reconnect after a drop (re-POSTing), so any state past `open` ends
 * the stream here, and only `retry()` asks again.
 *
 * @example
 * const chat = inject(ChatSession);
 * chat.send('What is SSE?');
 * chat.answer(); // grows token by token
 */
@Injectable()
export class ChatSession {
  private readonly client = inject(ChatClient);
  private readonly pending: string[] = [];
  private frame = 0;
  private stream: ChatStream | null = null;
  private subscription = new Subscription();

  readonly status = signal<ChatStatus>('idle');
  /** The answer so far. */
  readonly answer = signal('');
  /** The prompt being (or last) answered. */
  readonly prompt = signal('');
  /** Tokens received for the current answer. */
  readonly tokens = signal(0);
  /** Why the answer failed, when `status` is `error`. */
  readonly error = signal<string | null>(null);
  readonly busy = computed(() => this.status() === 'sending' || this.status() === 'streaming');

  constructor() {
    inject(DestroyRef).onDestroy(() => this.end());
  }

  /** Asks `prompt`, ending any answer still streaming. */
  send(prompt: string): void {
    this.end();
    this.prompt.set(prompt);
    this.answer.set('');
    this.tokens.set(0);
    this.error.set(null);
    this.status.set('sending');
    const stream = (this.stream = this.client.send(prompt));
    const subscription = (this.subscription = new Subscription());
    subscription.add(stream.tokens.subscribe((text) => this.onToken(text)));
    subscription.add(stream.done.subscribe(() => this.finish('done')));
    subscription.add(stream.state.subscribe((state) => this.onState(state)));
  }

  /** Sends the last prompt again: the only way a prompt is sent twice. */
  retry(): void {
    if (this.prompt()) this.send(this.prompt());
  }

  /** Aborts the answer; what arrived stays. */
  stop(): void {
    if (this.busy()) this.finish('stopped');
  }

  private onToken(text: string): void {
    this.pending.push(text);
    this.tokens.update((n) => n + 1);
    if (this.status() === 'sending') this.status.set('streaming');
    this.frame ||= requestAnimationFrame(() => this.flush());
  }

  private onState(state: SseState): void {
    if (state.status !== 'reconnecting' && state.status !== 'closed') return;
    // A POST stream does not reconnect: a failure closes it, and the answer ends with its reason.
    if (this.finish('error')) this.error.set(chatErrorMessage(state));
  }

  /** Ends a busy answer with `status`; false when it was already over. */
  private finish(status: 'done' | 'stopped' | 'error'): boolean {
    if (!this.busy()) return false;
    this.end();
    this.status.set(status);
    return true;
  }

  /** Closes the stream and shows every token received. */
  private end(): void {
    // close() first: unsubscribing first would leave the connection lingering for a moment.
    this.stream?.close();
    this.stream = null;
    this.subscription.unsubscribe();
    this.flush();
  }

  private flush(): void {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    if (!this.pending.length) return;
    const text = this.pending.join('');
    this.pending.length = 0;
    this.answer.update((answer) => answer + text);
  }
}
