import type { NgZone } from '@angular/core';

import type { SseBackend, SseRequest } from './backend';
import type { SseConfig } from './config';
import type { SseScheduler } from './scheduler';
import type { SseState } from './types';

/** What a machine needs besides its request. */
export interface SseMachineContext {
  readonly backend: SseBackend;
  readonly config: SseConfig;
  readonly scheduler: SseScheduler;
  readonly zone: NgZone;
  /** `null` on the server: nothing connects there. */
  readonly window: Window | null;
  /** The injected `DOCUMENT`, whose visibility `pauseWhenHidden` follows. */
  readonly document: Document;
}

/** The connection settings a machine repeats on every attempt. */
export interface SseMachineRequest {
  /** What every attempt sends; the machine adds the resume id and the names listened for. */
  readonly attempt: Omit<SseRequest, 'lastEventId' | 'types'>;
  readonly initialLastEventId: string;
  readonly heartbeatTimeoutMs: number;
  /** Close while the page is hidden, resume when visible. */
  readonly pauseWhenHidden: boolean;
  readonly comments: boolean;
  /** Reconnect after a retriable failure; off, such a failure closes the stream. */
  readonly reconnect: boolean;
}

/**
 * Where a machine reports: its connection queues what it is told and delivers it later. The
 * machine never waits for a delivery, so nothing it writes here calls back into it.
 */
export interface SseMachineSink {
  /** An event (or one of the library's own items: a comment, a role, a resume id) at `at`. */
  event(type: SseItemName, data: unknown, id: string, at: number): void;
  /** A transition at `at`, with the reconnect count at that moment. */
  transition(state: SseState, at: number, reconnects: number): void;
  /** The event names with subscribers: what a new attempt listens for. */
  names(): string[];
}

// The library's own items are symbols: any string is a name a server may send (even one that
// starts with NUL), so no string could mark them without colliding with a real event.
/** Comment lines, delivered to `comments()` subscribers. */
export const COMMENTS: unique symbol = Symbol('comments');
/** Which tab holds the connection (its data is the role). */
export const ROLE: unique symbol = Symbol('role');
/** A resume id set without an event (an `id:`-only frame); its data is the id. */
export const RESUME: unique symbol = Symbol('resume');

/** A server's event name, or one of the library's own items. */
export type SseItemName = string | typeof COMMENTS | typeof ROLE | typeof RESUME;
