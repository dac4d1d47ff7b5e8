import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatCardModule } from '@angular/material/card';

import { LiveTicks } from './live-ticks';

/** The landing page: summary cards of the live streams. */
@Component({
  selector: 'app-overview-page',
  imports: [MatCardModule, LiveTicks],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-card appearance="outlined">
      <mat-card-header><mat-card-title>Server clock</mat-card-title></mat-card-header>
      <mat-card-content><app-live-ticks /></mat-card-content>
    </mat-card>
  `,
  styles: `
    mat-card {
      max-width: 360px;
    }
  `,
})
export class OverviewPage {}
