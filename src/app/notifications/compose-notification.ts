import { ChangeDetectionStrategy, Component, inject, viewChild } from '@angular/core';
import {
  FormControl,
  FormGroup,
  FormGroupDirective,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';

import type { Level } from '../core/api';
import { NotificationStore } from '../core/notification-store';
import { LEVELS } from './level';
import { LevelIcon } from './level-icon';
import { charCount, maxChars } from '../shared/max-chars';
import { notBlank } from '../shared/not-blank';
import { Submission } from '../shared/submission';
import { ErrorMessage } from '../shared/error-message';

// The server's limits (POST /api/notifications), checked here first for immediate feedback.
const TITLE_MAX = 200;
const MESSAGE_MAX = 2000;

/** Posts a notification; the store shows the server's reply at once. */
@Component({
  selector: 'app-compose-notification',
  imports: [
    ErrorMessage,
    ReactiveFormsModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatButtonModule,
    LevelIcon,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form
      class="app-inline-form"
      [formGroup]="form"
      (ngSubmit)="submit()"
      aria-label="New notification"
    >
      <mat-form-field appearance="outline" class="level">
        <mat-label>Level</mat-label>
        <mat-select formControlName="level">
          <!-- By default the select shows the option's text, icon ligature name included. -->
          <mat-select-trigger>
            <app-level-icon [level]="form.controls.level.value" />
          </mat-select-trigger>
          @for (level of levels; track level) {
            <mat-option [value]="level"><app-level-icon [level]="level" /></mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field appearance="outline" class="title">
        <mat-label>Title</mat-label>
        <input matInput formControlName="title" dir="auto" required />
        <mat-hint align="end">{{ count(form.controls.title.value) }} / {{ titleMax }}</mat-hint>
        @if (form.controls.title.hasError('required')) {
          <mat-error>A title is required</mat-error>
        }
        @if (form.controls.title.hasError('blank')) {
          <mat-error>A title needs more than spaces</mat-error>
        }
        @if (form.controls.title.hasError('maxlength')) {
          <mat-error>At most {{ titleMax }} characters</mat-error>
        }
      </mat-form-field>
      <mat-form-field appearance="outline" class="message">
        <mat-label>Message</mat-label>
        <textarea matInput formControlName="message" rows="3" dir="auto"></textarea>
        <mat-hint align="end">{{ count(form.controls.message.value) }} / {{ messageMax }}</mat-hint>
        @if (form.controls.message.hasError('maxlength')) {
          <mat-error>At most {{ messageMax }} characters</mat-error>
        }
      </mat-form-field>
      <app-error-message [message]="error()" />
      <button mat-flat-button type="submit" [disabled]="busy()" disabledInteractive>Send</button>
    </form>
  `,
  styles: `
    .level {
      width: 180px;
    }
    .title {
      flex: 1 1 240px;
    }
    .message {
      flex: 1 1 100%;
    }
  `,
})
export class ComposeNotification {
  private readonly store = inject(NotificationStore);
  private readonly formDirective = viewChild.required(FormGroupDirective);

  protected readonly levels = LEVELS;
  protected readonly titleMax = TITLE_MAX;
  protected readonly messageMax = MESSAGE_MAX;
  protected readonly count = charCount;
  protected readonly form = new FormGroup({
    level: new FormControl<Level>('INFO', { nonNullable: true }),
    title: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, notBlank, maxChars(TITLE_MAX)],
    }),
    message: new FormControl('', {
      nonNullable: true,
      validators: [maxChars(MESSAGE_MAX)],
    }),
  });
  private readonly submission = new Submission();
  protected readonly busy = this.submission.busy;
  protected readonly error = this.submission.error;

  protected async submit(): Promise<void> {
    if (this.form.invalid) return;
    if (await this.submission.run(() => this.store.post(this.form.getRawValue()))) {
      // resetForm() also clears the submitted flag, so the emptied title shows no error.
      this.formDirective().resetForm();
    }
  }
}
