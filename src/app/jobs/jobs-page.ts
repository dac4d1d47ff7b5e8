import { ChangeDetectionStrategy, Component, effect, inject, signal } from '@angular/core';
import { MatCardModule } from '@angular/material/card';

import { errorMessage } from '../core/api';
import { JobStore } from '../core/job-store';
import { JobCard } from './job-card';
import { JOB_STATE_META, isActive } from './job-state';
import { StartJobForm } from './start-job-form';
import { LoadError } from '../shared/load-error';
import { ErrorMessage } from '../shared/error-message';

/** `/jobs`: the start form and a live card per job, newest first. */
@Component({
  selector: 'app-jobs-page',
  imports: [ErrorMessage, MatCardModule, JobCard, StartJobForm, LoadError],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'app-page narrow' },
  template: `
    <h2>Jobs</h2>
    <mat-card appearance="outlined">
      <mat-card-header><mat-card-title>Start a job</mat-card-title></mat-card-header>
      <mat-card-content><app-start-job-form /></mat-card-content>
    </mat-card>
    @if (store.loadError(); as message) {
      <app-load-error what="jobs" [message]="message" (retry)="store.reload()" />
    }
    <app-error-message [message]="cancelError()" />
    <!-- Progress bars are not live (a percent a second would be noise); a job's end is said once. -->
    <div
      class="cdk-visually-hidden"
      aria-live="polite"
      aria-atomic="true"
      data-testid="job-announcer"
    >
      {{ announcement() }}
    </div>
    <section class="jobs" aria-label="Jobs">
      @for (job of store.jobs(); track job.jobId) {
        <app-job-card [job]="job" (cancelJob)="cancel($event)" />
      } @empty {
        @if (store.loadPending()) {
          <p class="empty" role="status">Loading jobs…</p>
        } @else if (!store.loadError()) {
          <p class="empty">No jobs yet.</p>
        }
      }
    </section>
  `,
  styles: `
    .jobs {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(280px, 100%), 1fr));
      gap: 12px;
    }
    .empty {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class JobsPage {
  protected readonly store = inject(JobStore);
  protected readonly cancelError = signal<string | null>(null);
  /** The latest job to finish, fail or be cancelled while the page was open. */
  protected readonly announcement = signal('');
  private readonly states = new Map<string, string>();

  constructor() {
    effect(() => {
      for (const job of this.store.jobs()) {
        const before = this.states.get(job.jobId);
        this.states.set(job.jobId, job.state);
        if (before !== undefined && before !== job.state && !isActive(job.state)) {
          this.announcement.set(`${job.name}: ${JOB_STATE_META[job.state].label.toLowerCase()}`);
        }
      }
    });
  }

  protected async cancel(jobId: string): Promise<void> {
    this.cancelError.set(null);
    try {
      await this.store.cancel(jobId);
    } catch (error) {
      this.cancelError.set(`Could not cancel the job: ${errorMessage(error)}`);
    }
  }
}
