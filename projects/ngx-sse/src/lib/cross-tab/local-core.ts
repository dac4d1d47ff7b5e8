import type { SseBackendHandlers, SseRequest } from '../backend';
import type { SseFailure } from '../reason';
import { ReplayFilter } from './replay-filter';

/** The local core's side of one attempt. */
export interface Attachment {
  readonly request: SseRequest;
  readonly handlers: SseBackendHandlers;
  readonly types: Set<string>;
  opened: boolean;
}

/**
 * What one tab's core sees of a shared connection, whoever holds it: the attempt attached now,
 * the last id delivered to it and the filter that keeps a new leader's replay from delivering an
 * event twice. Leading and following both feed the core through it, so each of these has one
 * owner.
 *
 * @example
 * const core = new LocalCore();
 * core.attach(request, handlers);
 * core.open();
 * core.deliver('notification', '{"n":1}', '1'); // handlers.event(…); core.lastId === '1'
 */
export class LocalCore {
  readonly #filter = new ReplayFilter();
  /** The attempt the core has attached, `null` between attempts. */
  current: Attachment | null = null;
  /** The last id this tab delivered (or was given as a resume point): where it resumes. */
  lastId = '';

  /** Attaches the core's new attempt, which resumes from its own last id. */
  attach(request: SseRequest, handlers: SseBackendHandlers): Attachment {
    this.lastId = request.lastEventId;
    return (this.current = { request, handlers, types: new Set(request.types), opened: false });
  }

  /** Reports the connection open, once per attempt (an attempt is attached). */
  open(): void {
    const local = this.current!;
    if (local.opened) return;
    local.opened = true;
    local.handlers.open();
  }

  /** Reports a failure (an attempt is attached); it opens again with the next `open()`. */
  fail(failure: SseFailure): void {
    const local = this.current!;
    local.opened = false;
    local.handlers.error(failure);
  }

  /** Delivers an event the filter lets through; `late`: a relay of a previous leader. */
  deliver(type: string, data: string, id: string, late = false): void {
    const local = this.current;
    if (!local || !this.#filter.accept(id, late)) return;
    this.lastId = id;
    local.handlers.event(type, data, id);
  }

  /** A resume point without an event (a server's first-frame `id:`): this tab keeps it too. */
  resume(id: string): void {
    this.lastId = id;
    this.current?.handlers.resume?.(id);
  }

  /** A new leader took over: its replay, from its own last id, may repeat what this tab has. */
  handover(): void {
    this.#filter.handover();
  }
}
