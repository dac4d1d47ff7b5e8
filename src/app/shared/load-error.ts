import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';

import { focusPageHeading } from './page-heading';

/**
 * A failed load, said as such (an alert, so it is announced) with a Retry: without it, a list
 * that could not load would look empty.
 *
 * @example
 * <app-load-error what="notifications" [message]="error" (retry)="store.reload()" />
 */
@Component({
  selector: 'app-load-error',
  imports: [MatButtonModule, MatIconModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div role="alert" class="box">
      <p>Could not load the {{ what() }}: {{ message() }}</p>
      <button mat-stroked-button type="button" (click)="onRetry()">
        <mat-icon aria-hidden="true">refresh</mat-icon>
        Retry
      </button>
    </div>
  `,
  styles: `
    .box {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 8px;
      margin: 12px 0;
      color: var(--mat-sys-error);
    }
    p {
      margin: 0;
    }
  `,
})
export class LoadError {
  /** What could not be loaded, e.g. "notifications". */
  readonly what = input.required<string>();
  readonly message = input.required<string>();
  readonly retry = output();
  private readonly document = inject(DOCUMENT);

  /** The box goes while the load is retried: focus moves on before its button goes. */
  protected onRetry(): void {
    focusPageHeading(this.document, {});
    this.retry.emit();
  }
}
