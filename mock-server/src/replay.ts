import { badRequest } from './errors.ts';
import type { Topic } from './events.ts';
import type { History } from './history.ts';
import { formatEvent } from './sse.ts';

/** Why a resuming client is told it missed events that cannot be replayed. */
export type ResetReason = 'history-exceeded' | 'unknown-id';

/**
 * The frames a resuming stream gets before going live: events after `lastEventId` on its
 * topics, preceded by a `reset` event when some are gone (evicted from the bounded history),
 * as Mercure's gap detection does, or when the id is newer than any event, i.e. from before a
 * server restart. `reset` carries no id, so it does not move the client's Last-Event-ID.
 */
export function replayFrames(
  history: History,
  lastEventId: number,
  latestId: number,
  topics: ReadonlySet<Topic>,
): string[] {
  const unknown = lastEventId > latestId;
  const missed = history.since(unknown ? 0 : lastEventId);
  const frames = missed.events
    .filter((event) => event.topic === null || topics.has(event.topic))
    .map((event) => event.frame);
  if (!unknown && !missed.gap) return frames;
  const reason: ResetReason = unknown ? 'unknown-id' : 'history-exceeded';
  const data = JSON.stringify({ reason, lastEventId, oldestAvailableId: missed.oldestAvailableId });
  return [formatEvent({ event: 'reset', data }), ...frames];
}

/** Parses a Last-Event-ID from `field`; absent or empty means a fresh start, garbage a 400. */
export function parseLastEventId(value: string | undefined, field: string): number | null {
  const text = value?.trim() ?? '';
  if (text === '') return null;
  if (!/^\d{1,15}$/.test(text)) {
    throw badRequest(field, `must be a non-negative integer event id, got ${JSON.stringify(text)}`);
  }
  return Number(text);
}
