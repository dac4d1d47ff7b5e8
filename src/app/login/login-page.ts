import {
  ChangeDetectionStrategy,
  Component,
  effect,
  inject,
  input,
  untracked,
} from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router } from '@angular/router';

import { returnTarget } from '../core/login-redirect';
import { Session } from '../core/session';
import { Submission } from '../shared/submission';
import { ErrorMessage } from '../shared/error-message';

// The server's rule (POST /api/session), checked here first so a refusal says which rule.
const USERNAME_MAX = 64;

/** Sign in with a username: the server sets the session cookie the stream authenticates with. */
@Component({
  selector: 'app-login-page',
  imports: [
    ErrorMessage,
    ReactiveFormsModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    MatButtonModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-card appearance="outlined">
      <!-- The page's heading: what focus moves to after a navigation (see App). -->
      <mat-card-header><h2 mat-card-title>Sign in</h2></mat-card-header>
      <mat-card-content>
        @if (session.notice(); as notice) {
          <p class="notice" role="alert">{{ notice }}</p>
        }
        <form [formGroup]="form" (ngSubmit)="submit()">
          <!-- Dynamic: on a phone the hint and errors wrap to two lines, which a fixed one-line
               subscript would spill under Sign in. -->
          <mat-form-field appearance="outline" subscriptSizing="dynamic">
            <mat-label>Username</mat-label>
            <input matInput [formControl]="username" autocomplete="username" required />
            <mat-hint>1 to {{ usernameMax }} letters, digits, dots, dashes or underscores</mat-hint>
            @if (username.hasError('required')) {
              <mat-error>A username is required</mat-error>
            }
            @if (username.hasError('maxlength')) {
              <mat-error>At most {{ usernameMax }} characters</mat-error>
            }
            @if (username.hasError('pattern')) {
              <mat-error>Letters, digits, dots, dashes and underscores only</mat-error>
            }
          </mat-form-field>
          <app-error-message [message]="error()" />
          <!-- Not disabled when invalid: a refused submit shows why (and Enter always submits). -->
          <button mat-flat-button type="submit" [disabled]="busy()" disabledInteractive>
            Sign in
          </button>
        </form>
      </mat-card-content>
    </mat-card>
  `,
  styles: `
    mat-card {
      max-width: 420px;
      margin: 48px auto;
    }
    form {
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    .notice {
      color: var(--mat-sys-error);
    }
  `,
})
export class LoginPage {
  protected readonly session = inject(Session);
  private readonly router = inject(Router);
  /** The page to go to once signed in (the `returnUrl` query parameter), if any. */
  readonly returnUrl = input<string>();
  protected readonly usernameMax = USERNAME_MAX;
  protected readonly username = new FormControl('', {
    nonNullable: true,
    validators: [
      Validators.required,
      Validators.maxLength(USERNAME_MAX),
      Validators.pattern(/^[A-Za-z0-9._-]+$/),
    ],
  });
  protected readonly form = new FormGroup({ username: this.username });
  private readonly submission = new Submission();
  protected readonly busy = this.submission.busy;
  protected readonly error = this.submission.error;

  constructor() {
    // Signed in here or in another tab of this browser (Session follows those): go where asked.
    effect(() => {
      if (this.session.user() === null) return;
      untracked(() => void this.router.navigateByUrl(returnTarget(this.returnUrl())));
    });
  }

  protected async submit(): Promise<void> {
    if (this.username.invalid) return;
    await this.submission.run(() => this.session.login(this.username.value));
  }
}
