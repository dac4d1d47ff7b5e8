import { HttpClient } from '@angular/common/http';
import { Injectable, computed, effect, inject, signal, untracked } from '@angular/core';
import { sseResource } from 'ngx-sse';
import { firstValueFrom } from 'rxjs';

import type { AppEvents, JobList, JobProgress } from './api';
import { LiveStream } from './live-stream';
import { LoadState } from './load-state';
import { lastValue } from './resource-value';
import { Session } from './session';

export interface StartJob {
  name: string;
  durationMs?: number;
  failAt?: number;
}

type Jobs = ReadonlyMap<string, JobProgress>;

/** Jobs by id, from `job-progress` events and the REST API; newest first. */
@Injectable({ providedIn: 'root' })
export class JobStore {
  private readonly http = inject(HttpClient);
  private readonly live = inject(LiveStream);
  private readonly streamed = sseResource<AppEvents, 'job-progress', Jobs>(
    () => this.live.request(),
    {
      event: 'job-progress',
      reduce: (jobs, { data }) => upsert(jobs, data),
      initialValue: new Map(),
    },
  );
  private readonly streamedJobs = lastValue(this.streamed, new Map());
  private readonly fetched = signal<Jobs>(new Map());
  private readonly loading = new LoadState();
  /** Why the last load of the list failed, or null: the page says so, with a Retry. */
  readonly loadError = this.loading.error.asReadonly();
  /** Whether the list is being loaded (at sign-in, on Retry, after a gap). */
  readonly loadPending = this.loading.pending;
  /** Loading with nothing listed yet: pages say "loading", not "none". */
  readonly loadingEmpty = computed(() => this.loadPending() && !this.jobs().length);

  readonly jobs = computed(() => {
    // One copy, updated in place: not a copy of the map per streamed job.
    const merged = new Map(this.fetched());
    for (const job of this.streamedJobs().values()) {
      const known = merged.get(job.jobId);
      if (!known || isNewer(job, known)) merged.set(job.jobId, job);
    }
    return [...merged.values()].reverse();
  });
  readonly running = computed(() => this.jobs().filter((job) => job.state === 'running').length);

  constructor() {
    const session = inject(Session);
    effect(() => {
      if (session.user()) {
        untracked(() => this.reload());
      } else {
        this.fetched.set(new Map());
        this.loading.clear();
      }
    });
  }

  async start(request: StartJob): Promise<JobProgress> {
    const job = await firstValueFrom(this.http.post<JobProgress>('/api/jobs', request));
    this.fetched.update((jobs) => upsert(jobs, job));
    return job;
  }

  async cancel(jobId: string): Promise<void> {
    const job = await firstValueFrom(
      this.http.delete<JobProgress>(`/api/jobs/${encodeURIComponent(jobId)}`),
    );
    this.fetched.update((jobs) => upsert(jobs, job));
  }

  /**
   * Reloads every job from the server (after the stream reported a gap); rejects when it fails,
   * and `loadError` says why.
   */
  refresh(): Promise<void> {
    return this.loading.run(async () => {
      const { jobs } = await firstValueFrom(this.http.get<JobList>('/api/jobs'));
      // The server's list is the truth after a gap: it replaces, not merges, what was fetched.
      this.fetched.set(new Map(jobs.map((job) => [job.jobId, job])));
    });
  }

  /** Loads every job (at sign-in, on Retry); a failure shows in `loadError` only. */
  reload(): void {
    // Recorded in loadError: nothing is lost by not rethrowing, and nothing goes uncaught.
    this.refresh().catch(() => undefined);
  }
}

const FINAL = new Set(['done', 'failed', 'cancelled']);

/** The map with `job`, unless what is known is newer (a late REST reply must not regress it). */
function upsert(jobs: Jobs, job: JobProgress): Jobs {
  const known = jobs.get(job.jobId);
  if (known && !isNewer(job, known)) return jobs;
  return new Map(jobs).set(job.jobId, job);
}

function isNewer(next: JobProgress, known: JobProgress): boolean {
  if (FINAL.has(known.state)) return false;
  return FINAL.has(next.state) || next.percent >= known.percent;
}
