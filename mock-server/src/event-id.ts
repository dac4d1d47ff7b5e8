import type { EventId } from './wire.ts';

let lastEpoch = 0;

/**
 * A run's epoch: its start time in base 36 (8 characters), distinct for every server built in
 * this process, so ids of two runs never compare as if they were one sequence.
 *
 * @example
 * newEpoch(); // 'mj4q2x9c'
 */
export function newEpoch(): string {
  lastEpoch = Math.max(Date.now(), lastEpoch + 1);
  return lastEpoch.toString(36);
}

/** `<epoch>-<sequence>`, the id of every event on `/api/events`. */
export function formatEventId(epoch: string, seq: number): EventId {
  return `${epoch}-${seq}`;
}

/** Where a `Last-Event-ID` points: nowhere (fresh start), into this run, or somewhere else. */
export type ResumePoint =
  | { kind: 'fresh' }
  | { kind: 'this-run'; text: string; seq: number }
  | { kind: 'elsewhere'; text: string; reason: 'server-restarted' | 'unknown-id' };

const ID_FORMAT = /^([0-9a-z]{1,12})-(\d{1,15})$/;

/**
 * Reads the Last-Event-ID of a stream request (see `requestedId`, which refuses text that
 * cannot be an id at all with a 400). Empty is a fresh start; an id of another run or one this
 * server never issues (e.g. the bare numbers of older versions) is a resume point that gets a
 * `reset`.
 *
 * @example
 * parseResumePoint('mj4q2x9c-41', 'mj4q2x9c'); // { kind: 'this-run', seq: 41, ... }
 */
export function parseResumePoint(text: string, epoch: string): ResumePoint {
  if (text === '') return { kind: 'fresh' };
  const match = ID_FORMAT.exec(text);
  if (!match) return { kind: 'elsewhere', text, reason: 'unknown-id' };
  if (match[1] !== epoch) return { kind: 'elsewhere', text, reason: 'server-restarted' };
  return { kind: 'this-run', text, seq: Number(match[2]) };
}
