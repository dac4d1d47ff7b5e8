import type { SseRole } from './backend';
import type { SseBatcher, SseFlushable } from './batcher';
import type { SseEntry, SseMultiplexer, SseParseFailure } from './multiplexer';
import { SseError } from './sse-error';
import type { SseTelemetry } from './telemetry';
import type { SseState } from './types';

/** A transition or a comment, queued in order between events. */
interface Control {
  readonly state?: SseState;
  readonly at?: number;
  readonly reconnects?: number;
  readonly comment?: string;
  readonly role?: SseRole;
  /** On a close: the subscriptions to complete (or error) once the events before it are out. */
  readonly ending?: readonly SseEntry[];
}

/** The pseudo event name of comment subscribers. */
export const COMMENTS = '\0comments';

/**
 * What the reconnect machine produces, queued until the next batch. Events are stored flat
 * (four slots each, no object per event); a flush commits telemetry once, then delivers.
 */
export class SseDeliveryQueue implements SseFlushable {
  #items: unknown[] = [];
  #flushing = false;
  readonly #batcher: SseBatcher;
  readonly #telemetry: SseTelemetry;
  readonly #mux: SseMultiplexer;
  readonly #parseFailure: SseParseFailure;

  constructor(batcher: SseBatcher, telemetry: SseTelemetry, mux: SseMultiplexer, url: string) {
    this.#batcher = batcher;
    this.#telemetry = telemetry;
    this.#mux = mux;
    this.#parseFailure = (type, cause) => {
      const error = new SseError('parse', { url, detail: `bad ${type} payload`, cause });
      telemetry.parseError(error);
      return error;
    };
  }

  event(type: string, data: string, lastEventId: string, receivedAt: number): void {
    this.#push(type, data, lastEventId, receivedAt);
  }

  transition(state: SseState, at: number, reconnects: number): void {
    const ending = state.status === 'closed' ? this.#mux.entries() : undefined;
    this.#push(null, { state, at, reconnects, ending } satisfies Control, '', 0);
  }

  role(role: SseRole): void {
    this.#push(null, { role } satisfies Control, '', 0);
  }

  comment(text: string): void {
    this.#push(null, { comment: text } satisfies Control, '', 0);
  }

  #push(type: string | null, data: unknown, id: string, at: number): void {
    if (this.#items.push(type, data, id, at) === 4 && !this.#flushing) this.#batcher.request(this);
  }

  flush(): void {
    // Work queued by a subscriber while this runs joins the loop, keeping the order.
    this.#flushing = true;
    try {
      while (this.#items.length) {
        const items = this.#items;
        this.#items = [];
        // A transition splits the batch: subscribers see the events before it, then the new
        // state, then the events after it. A batch of events alone commits once.
        let start = 0;
        for (let i = 0; i <= items.length; i += 4) {
          const end = i === items.length;
          if (!end && !(items[i] === null && (items[i + 1] as Control).state)) continue;
          this.#commit(items, start, i);
          this.#deliver(items, start, i);
          if (!end) {
            this.#commit(items, i, i + 4);
            this.#deliver(items, i, i + 4);
          }
          start = i + 4;
        }
        this.#mux.endBatch();
        this.#telemetry.commit();
      }
    } finally {
      this.#flushing = false;
    }
  }

  #commit(items: unknown[], from: number, to: number): void {
    const telemetry = this.#telemetry;
    for (let i = from; i < to; i += 4) {
      if (items[i] !== null) {
        telemetry.event(items[i + 2] as string, items[i + 3] as number);
      } else {
        const { state, at, reconnects, role } = items[i + 1] as Control;
        if (state) telemetry.transition(state, at!, reconnects!);
        if (role) telemetry.role(role);
      }
    }
    telemetry.commit();
  }

  #deliver(items: unknown[], from: number, to: number): void {
    const mux = this.#mux;
    for (let i = from; i < to; i += 4) {
      const type = items[i] as string | null;
      if (type !== null) {
        mux.deliver(
          type,
          items[i + 1] as string,
          items[i + 2] as string,
          items[i + 3] as number,
          this.#parseFailure,
        );
        continue;
      }
      const { state, comment, ending } = items[i + 1] as Control;
      if (comment !== undefined) mux.deliver(COMMENTS, comment, '', 0, this.#parseFailure);
      const error = state && 'error' in state ? state.error : null;
      if (error) this.#telemetry.failures.next(error);
      for (const entry of ending ?? []) {
        mux.remove(entry);
        if (error) entry.subscriber.error(error);
        else entry.subscriber.complete();
      }
    }
  }
}
