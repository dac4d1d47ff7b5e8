import type { JobState } from '../core/api';

/** How a state looks: an icon and a word, so colour is never the only cue. */
export interface JobStateMeta {
  readonly icon: string;
  readonly label: string;
}

/** Icon (Material Symbols) and label of each job state. */
export const JOB_STATE_META: Readonly<Record<JobState, JobStateMeta>> = {
  queued: { icon: 'schedule', label: 'Queued' },
  running: { icon: 'autorenew', label: 'Running' },
  done: { icon: 'check_circle', label: 'Done' },
  failed: { icon: 'error', label: 'Failed' },
  cancelled: { icon: 'cancel', label: 'Cancelled' },
};

/** Whether the job can still change: only these can be cancelled (the server answers 409 otherwise). */
export function isActive(state: JobState): boolean {
  return state === 'queued' || state === 'running';
}
