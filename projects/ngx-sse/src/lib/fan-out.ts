import type { Subject } from 'rxjs';

import type { SseDiagnosticsTally } from './diagnostics-tally';
import { SseError } from './sse-error';
import type { SseEntry } from './subscribers';
import type { SseMessage } from './types';

/**
 * Hands one event to its subscribers, deserializing it once per deserializer among them however
 * many subscribe. A payload a deserializer rejects becomes one `parse` error, counted once and
 * told once to each handle whose subscribers saw it; the others still get the event.
 *
 * The per-deserializer results live in one reused array (deserializer, message, error), so
 * delivering allocates only the messages themselves.
 *
 * @example
 * const fanOut = new SseFanOut(url, tally);
 * fanOut.start();
 * fanOut.deliver(subscribers.named('job') ?? [], 'job', data, id, at);
 * fanOut.endBatch();
 */
export class SseFanOut {
  readonly #done: unknown[] = [];
  #doneLength = 0;
  #told: Set<Subject<SseError>> | null = null;
  readonly #touched = new Set<SseEntry>();
  readonly #url: string;
  readonly #tally: SseDiagnosticsTally;

  constructor(url: string, tally: SseDiagnosticsTally) {
    this.#url = url;
    this.#tally = tally;
  }

  /** Forgets the previous event's results: call it before the first `deliver()` of an event. */
  start(): void {
    this.#doneLength = 0;
    this.#told = null;
  }

  /** Delivers the event to `entries` (one group of its subscribers). */
  deliver(
    entries: readonly SseEntry[],
    type: string | symbol,
    data: string,
    lastEventId: string,
    receivedAt: number,
  ): void {
    const done = this.#done;
    for (const entry of entries) {
      const { deserialize } = entry;
      let at = 0;
      while (at < this.#doneLength && done[at] !== deserialize) at += 3;
      if (at === this.#doneLength) {
        this.#doneLength += 3;
        done[at] = deserialize;
        try {
          // Only comments have a symbol for a name, and they go through `text`, which ignores it.
          const parsed = deserialize(data, type as string);
          done[at + 1] = { type, data: parsed, lastEventId, receivedAt };
          done[at + 2] = null;
        } catch (cause) {
          done[at + 1] = null;
          done[at + 2] = this.#parseFailure(type, cause);
        }
      }
      const error = done[at + 2] as SseError | null;
      if (!error) {
        entry.subscriber.next(done[at + 1] as SseMessage<unknown>);
        if (entry.batchEnd) this.#touched.add(entry);
        continue;
      }
      // Each owner hears a parse error once, however many of its subscribers saw the event.
      const told = (this.#told ??= new Set());
      if (told.has(entry.owner)) continue;
      told.add(entry.owner);
      entry.owner.next(error);
    }
  }

  /** Ends a batch: each subscriber that got events in it hears `batchEnd` once. */
  endBatch(): void {
    if (!this.#touched.size) return;
    const touched = [...this.#touched];
    this.#touched.clear();
    for (const entry of touched) entry.batchEnd!();
  }

  #parseFailure(type: string | symbol, cause: unknown): SseError {
    const error = new SseError('parse', {
      url: this.#url,
      // The deserializer's own words in the message, not only in `cause`: they say what was wrong.
      detail: `bad ${String(type)} payload: ${cause instanceof Error ? cause.message : String(cause)}`,
      cause,
    });
    this.#tally.parseError(error);
    return error;
  }
}
