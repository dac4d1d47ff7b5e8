import { randomUUID } from 'node:crypto';

import { HttpError, notFound } from './errors.ts';
import type { JobProgress, JobRequest } from './wire.ts';

/** What `POST /api/jobs` asks for, once the schema filled in the default duration. */
export type JobStart = JobRequest & { durationMs: number };

const STEPS = 20;
/** Finished jobs are forgotten beyond this, so a busy user's list stays bounded. */
export const MAX_JOBS_PER_USER = 100;

interface Running {
  job: JobProgress;
  timer: NodeJS.Timeout | undefined;
}

/** One user's jobs: each advances in 20 timed steps and reports every change through `emit`. */
export class JobBoard {
  private readonly jobs = new Map<string, Running>();

  constructor(private readonly emit: (job: JobProgress) => void) {}

  /** Creates a queued job and starts stepping it. */
  start({ name, durationMs, failAt }: JobStart): JobProgress {
    this.makeRoom();
    const job: JobProgress = {
      jobId: randomUUID(),
      name,
      percent: 0,
      state: 'queued',
      etaMs: durationMs,
    };
    const entry: Running = { job, timer: undefined };
    entry.timer = setInterval(() => this.step(entry, durationMs, failAt), durationMs / STEPS);
    this.jobs.set(job.jobId, entry);
    this.emit({ ...job });
    return { ...job };
  }

  /** Cancels a queued or running job; 404 if unknown, 409 if already finished. */
  cancel(jobId: string): JobProgress {
    const entry = this.jobs.get(jobId);
    if (!entry) throw notFound(`no job ${jobId}`);
    if (entry.timer === undefined) {
      throw new HttpError(409, 'conflict', `job ${jobId} already ${entry.job.state}`);
    }
    this.finish(entry, 'cancelled');
    return { ...entry.job };
  }

  /** The user's jobs, oldest first. */
  list(): JobProgress[] {
    return [...this.jobs.values()].map(({ job }) => ({ ...job }));
  }

  /** Stops every timer (session ended, server shutdown). */
  dispose(): void {
    for (const entry of this.jobs.values()) clearInterval(entry.timer);
    this.jobs.clear();
  }

  private step(entry: Running, durationMs: number, failAt: number | undefined): void {
    const { job } = entry;
    const next = job.percent + 100 / STEPS;
    if (failAt !== undefined && next >= failAt) {
      job.percent = failAt;
      this.finish(entry, 'failed');
    } else if (next >= 100) {
      job.percent = 100;
      this.finish(entry, 'done');
    } else {
      const etaMs = Math.round((durationMs * (100 - next)) / 100);
      Object.assign(job, { percent: next, state: 'running', etaMs });
      this.emit({ ...job });
    }
  }

  private finish(entry: Running, state: 'done' | 'failed' | 'cancelled'): void {
    clearInterval(entry.timer);
    entry.timer = undefined;
    Object.assign(entry.job, { state, etaMs: 0 });
    this.emit({ ...entry.job });
  }

  private makeRoom(): void {
    if (this.jobs.size < MAX_JOBS_PER_USER) return;
    const finished = [...this.jobs.values()].find((entry) => entry.timer === undefined);
    if (!finished) {
      throw new HttpError(429, 'too-many-jobs', `at most ${MAX_JOBS_PER_USER} jobs per user`);
    }
    this.jobs.delete(finished.job.jobId);
  }
}
