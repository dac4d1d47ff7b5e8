import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatCardModule } from '@angular/material/card';

import { Clock } from '../core/clock';
import { EventLog } from '../core/event-log';
import { LiveStream } from '../core/live-stream';
import { DiagnosticCounters } from './diagnostic-counters';
import { EventLogView } from './event-log-view';
import { FaultControls } from './fault-controls';
import { StreamSettings, type StreamSettingsValue } from './stream-settings';
import { TransitionTimeline } from './transition-timeline';

/** The stream's inner workings: counters, state timeline, raw events, fault injection, settings. */
@Component({
  selector: 'app-diagnostics-page',
  imports: [
    MatCardModule,
    DiagnosticCounters,
    EventLogView,
    FaultControls,
    StreamSettings,
    TransitionTimeline,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'app-page' },
  template: `
    <h2>Diagnostics</h2>
    <div class="grid">
      <mat-card appearance="outlined" class="wide">
        <mat-card-header><mat-card-title>Counters</mat-card-title></mat-card-header>
        <mat-card-content>
          <app-diagnostic-counters
            [diagnostics]="live.diagnostics()"
            [state]="live.state()"
            [now]="now()"
          />
        </mat-card-content>
      </mat-card>
      <mat-card appearance="outlined">
        <mat-card-header><mat-card-title>Settings</mat-card-title></mat-card-header>
        <mat-card-content>
          <app-stream-settings
            [transport]="live.transport()"
            [heartbeatTimeoutMs]="live.heartbeatTimeoutMs()"
            [crossTab]="live.crossTab()"
            (apply)="configure($event)"
          />
        </mat-card-content>
      </mat-card>
      <mat-card appearance="outlined">
        <mat-card-header><mat-card-title>Faults</mat-card-title></mat-card-header>
        <mat-card-content>
          <app-fault-controls
            [transport]="live.transport()"
            [heartbeatTimeoutMs]="live.heartbeatTimeoutMs()"
          />
        </mat-card-content>
      </mat-card>
      <mat-card appearance="outlined">
        <mat-card-header><mat-card-title>Timeline</mat-card-title></mat-card-header>
        <mat-card-content
          ><app-transition-timeline [transitions]="transitions()"
        /></mat-card-content>
      </mat-card>
      <!-- Full width: payloads are long lines of JSON. -->
      <mat-card appearance="outlined" class="wide">
        <mat-card-header><mat-card-title>Raw events</mat-card-title></mat-card-header>
        <mat-card-content><app-event-log-view [entries]="entries()" /></mat-card-content>
      </mat-card>
    </div>
  `,
  styles: `
    .grid {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(360px, 100%), 1fr));
      gap: 16px;
      align-items: start;
    }
    .wide {
      grid-column: 1 / -1;
    }
  `,
})
export class DiagnosticsPage {
  protected readonly live = inject(LiveStream);
  protected readonly now = inject(Clock).now;
  protected readonly entries = inject(EventLog).entries;
  protected readonly transitions = computed(() => this.live.diagnostics()?.log ?? []);

  protected configure({ transport, heartbeatTimeoutMs, crossTab }: StreamSettingsValue): void {
    this.live.configure(transport, heartbeatTimeoutMs, crossTab);
  }
}
