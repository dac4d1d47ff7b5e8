import { HttpClient } from '@angular/common/http';
import { Injectable, computed, effect, inject, signal, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { firstValueFrom } from 'rxjs';

import type { JobProgress } from './api';
import { LiveStream } from './live-stream';
import { Session } from './session';

export interface StartJob {
  name: string;
  durationMs?: number;
  failAt?: number;
}

/** Jobs by id, updated from `job-progress` events; newest first. */
@Injectable({ providedIn: 'root' })
export class JobStore {
  private readonly http = inject(HttpClient);
  private readonly byId = signal(new Map<string, JobProgress>());

  readonly jobs = computed(() => [...this.byId().values()].reverse());
  readonly running = computed(() => this.jobs().filter((job) => job.state === 'running').length);

  constructor() {
    inject(LiveStream)
      .on('job-progress')
      .pipe(takeUntilDestroyed())
      .subscribe(({ data }) => this.upsert(data));
    const session = inject(Session);
    effect(() => {
      if (session.user()) untracked(() => void this.load());
      else this.byId.set(new Map());
    });
  }

  async start(request: StartJob): Promise<JobProgress> {
    const job = await firstValueFrom(this.http.post<JobProgress>('/api/jobs', request));
    this.upsert(job);
    return job;
  }

  async cancel(jobId: string): Promise<void> {
    this.upsert(
      await firstValueFrom(this.http.delete<JobProgress>(`/api/jobs/${encodeURIComponent(jobId)}`)),
    );
  }

  private async load(): Promise<void> {
    const { jobs } = await firstValueFrom(this.http.get<{ jobs: JobProgress[] }>('/api/jobs'));
    jobs.forEach((job) => this.upsert(job));
  }

  private upsert(job: JobProgress): void {
    const known = this.byId().get(job.jobId);
    if (known && !isNewer(job, known)) return;
    this.byId.update((jobs) => new Map(jobs).set(job.jobId, job));
  }
}

const FINAL = new Set(['done', 'failed', 'cancelled']);

/** The REST reply to a start can arrive after the first progress events; it must not regress them. */
function isNewer(next: JobProgress, known: JobProgress): boolean {
  if (FINAL.has(known.state)) return false;
  return FINAL.has(next.state) || next.percent >= known.percent;
}
