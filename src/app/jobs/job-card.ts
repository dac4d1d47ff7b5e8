import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatChipsModule } from '@angular/material/chips';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';

import type { JobProgress } from '../core/api';
import { formatApproxDuration } from '../shared/format';
import { JOB_STATE_META, isActive } from './job-state';

/** One job: name (in its own text direction, `dir="auto"`), progress, ETA, state chip and Cancel. */
@Component({
  selector: 'app-job-card',
  imports: [MatCardModule, MatButtonModule, MatChipsModule, MatIconModule, MatProgressBarModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-card
      appearance="outlined"
      role="article"
      [class]="'state-' + job().state"
      [attr.aria-label]="job().name"
      [attr.data-state]="job().state"
    >
      <mat-card-header>
        <h3 matCardTitle dir="auto">{{ job().name }}</h3>
        <mat-chip-set>
          <mat-chip disableRipple class="state" [attr.data-state]="job().state">
            <mat-icon matChipAvatar aria-hidden="true">{{ meta().icon }}</mat-icon>
            {{ meta().label }}
          </mat-chip>
        </mat-chip-set>
      </mat-card-header>
      <mat-card-content>
        <mat-progress-bar
          mode="determinate"
          [value]="job().percent"
          [attr.aria-label]="'Progress of ' + job().name"
        />
        <p class="figures">
          <span class="percent">{{ job().percent }}%</span>
          @if (eta(); as eta) {
            <span class="eta">{{ eta }}</span>
          }
        </p>
      </mat-card-content>
      <mat-card-actions align="end">
        <!-- Stays focusable once disabled (pressing it disables it, which would drop focus to the
             page), so the click handler checks whether there is still a job to cancel. -->
        <button
          mat-button
          type="button"
          [disabled]="!active()"
          disabledInteractive
          [attr.aria-label]="'Cancel ' + job().name"
          (click)="cancel()"
        >
          Cancel
        </button>
      </mat-card-actions>
    </mat-card>
  `,
  styles: `
    /* The chip stays beside the title's first line, however long the name wraps. */
    mat-card-header {
      display: flex;
      align-items: flex-start;
      justify-content: space-between;
      gap: 12px;
    }
    h3 {
      margin: 0;
      overflow-wrap: anywhere;
    }
    mat-chip-set {
      flex-shrink: 0;
    }
    .figures {
      display: flex;
      justify-content: space-between;
      margin: 8px 0 0;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .state-running .state {
      --mat-chip-elevated-container-color: var(--mat-sys-secondary-container);
      --mat-chip-label-text-color: var(--mat-sys-on-secondary-container);
    }
    .state-done .state {
      --mat-chip-elevated-container-color: var(--mat-sys-primary-container);
      --mat-chip-label-text-color: var(--mat-sys-on-primary-container);
    }
    .state-failed {
      --mat-progress-bar-active-indicator-color: var(--mat-sys-error);
    }
    .state-failed .state {
      --mat-chip-elevated-container-color: var(--mat-sys-error-container);
      --mat-chip-label-text-color: var(--mat-sys-on-error-container);
    }
    .state-cancelled {
      --mat-progress-bar-active-indicator-color: var(--mat-sys-outline);
    }
    .state-cancelled .state {
      --mat-chip-elevated-container-color: var(--mat-sys-surface-container-highest);
      --mat-chip-label-text-color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class JobCard {
  readonly job = input.required<JobProgress>();
  /** Emits the job's id; only while the job is queued or running. */
  readonly cancelJob = output<string>();

  protected readonly meta = computed(() => JOB_STATE_META[this.job().state]);
  protected readonly active = computed(() => isActive(this.job().state));
  protected readonly eta = computed(() =>
    this.active() ? `ETA ${formatApproxDuration(this.job().etaMs, Math.ceil)}` : null,
  );

  protected cancel(): void {
    if (this.active()) this.cancelJob.emit(this.job().jobId);
  }
}
