import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { MatToolbarModule } from '@angular/material/toolbar';

/** The top bar: app name now, connection status and user menu as the dashboard grows. */
@Component({
  selector: 'app-toolbar',
  imports: [MatToolbarModule, MatIconModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-toolbar role="banner">
      <mat-icon aria-hidden="true">stream</mat-icon>
      <h1 class="app-name">SSE Dashboard</h1>
    </mat-toolbar>
  `,
  styles: `
    mat-toolbar {
      gap: 12px;
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
    .app-name {
      font: var(--mat-sys-title-large);
      margin: 0;
    }
  `,
})
export class AppToolbar {}
