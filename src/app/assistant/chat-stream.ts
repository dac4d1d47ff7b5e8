import { Injectable, Injector, inject } from '@angular/core';
import { SseClient, type SseState } from 'ngx-sse';
import { type Observable, map } from 'rxjs';

import type { ChatEvents } from '../core/api';

/** One prompt's answer as it streams: tokens, the final count, the connection state, and a stop. */
export interface ChatStream {
  /** Each token's text, in order. Subscribe to it and `done` before anything else happens. */
  readonly tokens: Observable<string>;
  /** The server's token count, once, at the end. */
  readonly done: Observable<number>;
  /** The connection's state; anything but `connecting`/`open` means the answer will not go on. */
  readonly state: Observable<SseState>;
  /** Aborts the request; nothing is re-sent. */
  close(): void;
}

/**
 * The assistant's only use of the ngx-sse API: `POST /api/chat` with a JSON prompt, streamed
 * over the fetch transport (EventSource cannot POST). Kept in one file so a change of the library's
 * API touches nothing else.
 *
 * @example
 * const answer = inject(ChatClient).send('What is SSE?');
 * answer.tokens.subscribe((text) => append(text));
 * answer.done.subscribe(() => answer.close());
 */
@Injectable({ providedIn: 'root' })
export class ChatClient {
  private readonly client = inject(SseClient);
  // A prompt is sent from a click, outside any injection context: the stream belongs to the
  // app (the session closes it on done, Stop or leaving the page).
  private readonly injector = inject(Injector);

  send(prompt: string): ChatStream {
    // A POST: a connection of its own per prompt, never re-sent after a drop (`reconnect` is off
    // for non-GET streams), so a failure ends the answer with its reason.
    const stream = this.client.stream<ChatEvents>('/api/chat', {
      transport: 'fetch',
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ prompt }),
      injector: this.injector,
    });
    return {
      tokens: stream.on('token').pipe(map(({ data }) => data.text)),
      done: stream.on('done').pipe(map(({ data }) => data.tokens)),
      state: stream.state$,
      close: () => stream.close(),
    };
  }
}
