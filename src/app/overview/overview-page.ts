import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatCardModule } from '@angular/material/card';

import { Clock } from '../core/clock';
import { JobStore } from '../core/job-store';
import { MetricStore } from '../core/metric-store';
import { NotificationStore } from '../core/notification-store';
import { LiveTicks } from './live-ticks';
import { MetricChart } from './metric-chart';
import { SummaryCard } from './summary-card';

/** The landing page: summary cards of the live streams and a chart of the last minute's metrics. */
@Component({
  selector: 'app-overview-page',
  imports: [MatCardModule, LiveTicks, MetricChart, SummaryCard],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'app-page' },
  template: `
    <h2>Overview</h2>
    <section class="app-card-grid" aria-label="Summary">
      <app-summary-card
        label="Unread notifications"
        icon="notifications"
        [value]="unread()"
        [loading]="notifications.loadingEmpty()"
      />
      <app-summary-card
        label="Running jobs"
        icon="work"
        [value]="running()"
        [loading]="jobs.loadingEmpty()"
      />
      <!-- Changes every second: announcing it would drown out everything else. -->
      <app-summary-card
        label="Events per second"
        icon="speed"
        [value]="eventsPerSecond()"
        [announce]="false"
      />
      <mat-card appearance="outlined">
        <mat-card-header><mat-card-title>Server clock</mat-card-title></mat-card-header>
        <mat-card-content><app-live-ticks /></mat-card-content>
      </mat-card>
    </section>
    <mat-card appearance="outlined" class="chart">
      <mat-card-header>
        <mat-card-title>Metrics</mat-card-title>
        <mat-card-subtitle>Last 60 seconds, one value axis per unit</mat-card-subtitle>
      </mat-card-header>
      <mat-card-content><app-metric-chart [series]="series()" [now]="now()" /></mat-card-content>
    </mat-card>
  `,
  styles: `
    .chart {
      margin-top: 16px;
    }
  `,
})
export class OverviewPage {
  private readonly metrics = inject(MetricStore);
  protected readonly notifications = inject(NotificationStore);
  protected readonly jobs = inject(JobStore);
  // A count from a list that failed to load would be a silent, wrong 0.
  protected readonly unread = computed(() =>
    this.notifications.loadError() ? null : this.notifications.unread(),
  );
  protected readonly running = computed(() => (this.jobs.loadError() ? null : this.jobs.running()));
  protected readonly eventsPerSecond = this.metrics.eventsPerSecond;
  protected readonly series = this.metrics.series;
  protected readonly now = inject(Clock).now;
}
