import type { Observer } from 'rxjs';

import type { SseBatcher } from './batcher';
import { SseDeliveryQueue } from './delivery-queue';
import { type SseEntry, SseMultiplexer, type SseSubscriberOwner } from './multiplexer';
import {
  type SseMachineContext,
  type SseMachineRequest,
  SseReconnectMachine,
} from './reconnect-machine';
import { SseTelemetry } from './telemetry';
import type { SseDeserializer, SseMessage } from './types';

/**
 * One shared connection: it opens on the first subscriber and closes after the last one leaves
 * (after the linger, if any). It wires the pieces; each owns its own state:
 * the multiplexer its subscribers, the machine its attempts, the telemetry its counters.
 */
export class SseConnection {
  readonly telemetry: SseTelemetry;
  readonly #mux = new SseMultiplexer();
  readonly #machine: SseReconnectMachine;
  readonly #ctx: SseMachineContext;
  readonly #lingerMs: number;
  #lingerTimer: unknown = null;

  constructor(
    request: SseMachineRequest,
    ctx: SseMachineContext,
    batcher: SseBatcher,
    lingerMs: number,
  ) {
    this.#ctx = ctx;
    this.#lingerMs = lingerMs;
    this.telemetry = new SseTelemetry(ctx.config.logSize);
    const queue = new SseDeliveryQueue(batcher, this.telemetry, this.#mux, request.url);
    this.#machine = new SseReconnectMachine(request, ctx, queue);
  }

  /** Subscribes to `type` (`null`: every name); returns the teardown. */
  subscribe(
    type: string | null,
    deserialize: SseDeserializer,
    subscriber: Observer<SseMessage<unknown>>,
    owner: SseSubscriberOwner,
    batchEnd?: () => void,
  ): () => void {
    const entry: SseEntry = { type, subscriber, owner, batchEnd };
    if (this.#mux.add(deserialize, entry)) this.#machine.listen(type!);
    this.#lingerTimer = this.#clearLinger();
    this.#machine.start(this.#mux.names());
    return () => {
      if (this.#mux.remove(entry)) this.#machine.unlisten(type!);
      this.#released(false);
    };
  }

  /** Completes `owner`'s subscribers. `now`: close at once (no linger) if none are left. */
  release(owner: SseSubscriberOwner, now: boolean): void {
    const { taken, emptied } = this.#mux.take(owner);
    emptied.forEach((type) => this.#machine.unlisten(type));
    // Close before completing: a completed subscriber's teardown must not close it first, as
    // `unsubscribed`.
    this.#released(now);
    taken.forEach((entry) => entry.subscriber.complete());
  }

  /** A fresh attempt now, keeping the resume id. */
  reconnect(): void {
    this.#machine.reconnect();
  }

  #released(now: boolean): void {
    if (this.#mux.size) return;
    if (now || !this.#lingerMs) {
      // Closing now also ends a linger already under way.
      this.#lingerTimer = this.#clearLinger();
      this.#machine.stop(now ? 'closed' : 'unsubscribed');
    } else if (this.#machine.running && this.#lingerTimer === null) {
      this.#lingerTimer = this.#ctx.scheduler.setTimeout(() => {
        this.#lingerTimer = null;
        this.#machine.stop('unsubscribed');
      }, this.#lingerMs);
    }
  }

  #clearLinger(): null {
    if (this.#lingerTimer !== null) this.#ctx.scheduler.clearTimeout(this.#lingerTimer);
    return null;
  }
}
