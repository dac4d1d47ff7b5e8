import { formatEventId, type ResumePoint } from './event-id.ts';
import type { Topic } from './events.ts';
import type { History } from './history.ts';
import { formatEvent } from './sse.ts';
import type { EventId, HistoryReset, ResetReason } from './wire.ts';

/** The run a stream resumes in: its epoch and the sequence number of its latest event. */
export interface RunHead {
  epoch: string;
  latestSeq: number;
}

/** How a new stream starts: the id of its first frame, then what it must replay. */
export interface Resume {
  /** Where the client stands once it has the frames: sent as `id:` in the first frame. */
  startId: EventId;
  frames: (string | Buffer)[];
}

/**
 * The start of a stream. A fresh one starts at the head. A resuming one gets the events after
 * its id on its topics; when that cannot be exact, a `reset` naming the reason comes first,
 * then all the history still holds, as Mercure's gap detection does: the id is older than the
 * history (`history-exceeded`), newer than the head (`ahead-of-head`), of another server run
 * (`server-restarted`) or not one of ours (`unknown-id`). `reset` carries no id, so it does
 * not move the client's Last-Event-ID.
 *
 * @example
 * const { startId, frames } = resumeFrames(history, point, hub, topics);
 */
export function resumeFrames(
  history: History,
  point: ResumePoint,
  run: RunHead,
  topics: ReadonlySet<Topic>,
): Resume {
  const idOf = (seq: number) => formatEventId(run.epoch, seq);
  if (point.kind === 'fresh') return { startId: idOf(run.latestSeq), frames: [] };
  const reason = resetReason(point, history, run);
  const missed = history.since(reason === null && point.kind === 'this-run' ? point.seq : 0);
  const frames = missed.events
    .filter((event) => event.topic === null || topics.has(event.topic))
    .map((event) => event.frame);
  if (reason === null && point.kind === 'this-run') return { startId: point.text, frames };
  const reset: HistoryReset = {
    reason: reason ?? 'unknown-id',
    lastEventId: point.text,
    oldestAvailableId: missed.oldestAvailableId === null ? null : idOf(missed.oldestAvailableId),
  };
  const resetFrame = formatEvent({ event: 'reset', data: JSON.stringify(reset) });
  return { startId: idOf(history.floorSeq), frames: [resetFrame, ...frames] };
}

function resetReason(
  point: Exclude<ResumePoint, { kind: 'fresh' }>,
  history: History,
  run: RunHead,
): ResetReason | null {
  if (point.kind === 'elsewhere') return point.reason;
  if (point.seq > run.latestSeq) return 'ahead-of-head';
  return history.since(point.seq).gap ? 'history-exceeded' : null;
}
