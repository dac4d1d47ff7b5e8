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

import { JobStore, type StartJob } from '../core/job-store';
import { maxChars } from '../shared/max-chars';
import { notBlank } from '../shared/not-blank';
import { Submission } from '../shared/submission';
import { ErrorMessage } from '../shared/error-message';

// The server's limits (POST /api/jobs), checked here first for immediate feedback; it takes
// whole numbers only.
const NAME_MAX = 200;
const WHOLE = Validators.pattern(/^\d+$/);

/** Starts a job: name, duration in seconds and an optional failure point. */
@Component({
  selector: 'app-start-job-form',
  imports: [ErrorMessage, ReactiveFormsModule, MatFormFieldModule, MatInputModule, MatButtonModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="app-inline-form" [formGroup]="form" (ngSubmit)="submit()" aria-label="Start a job">
      <mat-form-field appearance="outline" class="name">
        <mat-label>Name</mat-label>
        <input matInput formControlName="name" dir="auto" required />
        @if (form.controls.name.hasError('required')) {
          <mat-error>A name is required</mat-error>
        }
        @if (form.controls.name.hasError('blank')) {
          <mat-error>A name needs more than spaces</mat-error>
        }
        @if (form.controls.name.hasError('maxlength')) {
          <mat-error>At most {{ nameMax }} characters</mat-error>
        }
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>Duration (seconds)</mat-label>
        <input matInput type="number" formControlName="seconds" min="1" max="3600" required />
        @if (form.controls.seconds.invalid) {
          <mat-error>A whole number from 1 to 3600</mat-error>
        }
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>Fail at (%)</mat-label>
        <input matInput type="number" formControlName="failAt" min="1" max="99" />
        <mat-hint>Optional</mat-hint>
        @if (form.controls.failAt.invalid) {
          <mat-error>A whole number from 1 to 99</mat-error>
        }
      </mat-form-field>
      <app-error-message [message]="error()" />
      <button mat-flat-button type="submit" [disabled]="busy()" disabledInteractive>Start</button>
    </form>
  `,
  styles: `
    .name {
      flex: 1 1 240px;
    }
    button {
      margin-top: 8px;
    }
  `,
})
export class StartJobForm {
  private readonly store = inject(JobStore);
  private readonly formDirective = viewChild.required(FormGroupDirective);

  protected readonly nameMax = NAME_MAX;
  protected readonly form = new FormGroup({
    name: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, notBlank, maxChars(NAME_MAX)],
    }),
    // Null while the number field is empty; reset() restores the default of 10.
    seconds: new FormControl<number | null>(10, {
      nonNullable: true,
      validators: [Validators.required, Validators.min(1), Validators.max(3600), WHOLE],
    }),
    failAt: new FormControl<number | null>(null, {
      validators: [Validators.min(1), Validators.max(99), WHOLE],
    }),
  });
  private readonly submission = new Submission();
  protected readonly busy = this.submission.busy;
  protected readonly error = this.submission.error;

  protected async submit(): Promise<void> {
    if (this.form.invalid) return;
    if (await this.submission.run(() => this.store.start(this.request()))) {
      // resetForm() also clears the submitted flag, so the emptied name shows no error.
      this.formDirective().resetForm();
    }
  }

  private request(): StartJob {
    const { name, seconds, failAt } = this.form.getRawValue();
    // The form is valid here, so `seconds` is set.
    const request: StartJob = { name, durationMs: Number(seconds) * 1000 };
    if (failAt !== null) request.failAt = failAt;
    return request;
  }
}
