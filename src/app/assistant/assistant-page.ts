import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';

import { ChatSession, type ChatStatus } from './chat-session';
import { ErrorMessage } from '../shared/error-message';
import { charCount, maxChars } from '../shared/max-chars';

export const MAX_PROMPT = 2000;

const STATUS_TEXT: Record<ChatStatus, string> = {
  idle: 'Ask something to start.',
  sending: 'sending',
  streaming: 'streaming',
  done: 'done',
  stopped: 'stopped',
  error: 'error',
};

/**
 * `/assistant`: a prompt whose answer streams in token by token from `POST /api/chat`. The answer
 * grows silently; screen readers hear the status line and, once, the whole answer at its end.
 */
@Component({
  selector: 'app-assistant-page',
  imports: [
    ErrorMessage,
    ReactiveFormsModule,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
  ],
  providers: [ChatSession],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'app-page narrow' },
  template: `
    <h2>Assistant</h2>
    <mat-card appearance="outlined">
      <mat-card-content>
        <form [formGroup]="form" (ngSubmit)="send()">
          <mat-form-field subscriptSizing="dynamic">
            <mat-label>Prompt</mat-label>
            <textarea
              matInput
              formControlName="prompt"
              rows="3"
              dir="auto"
              (keydown.control.enter)="send()"
              (keydown.meta.enter)="send()"
            ></textarea>
            <mat-hint>Ctrl+Enter sends. Answers are canned by the mock server.</mat-hint>
            <mat-hint align="end" class="counter">{{ count(prompt.value) }} / {{ max }}</mat-hint>
            @if (prompt.hasError('required')) {
              <mat-error>Enter a prompt.</mat-error>
            }
            <!-- No native maxlength: it would cut a pasted prompt without a word. -->
            @if (prompt.hasError('maxlength')) {
              <mat-error
                >At most {{ max }} characters: this prompt has {{ count(prompt.value) }}.</mat-error
              >
            }
          </mat-form-field>
          <div class="actions">
            <button mat-flat-button type="submit" [disabled]="chat.busy()" disabledInteractive>
              <mat-icon aria-hidden="true">send</mat-icon>
              Send
            </button>
            <button
              mat-stroked-button
              type="button"
              [disabled]="!chat.busy()"
              disabledInteractive
              (click)="chat.stop()"
            >
              <mat-icon aria-hidden="true">stop</mat-icon>
              Stop
            </button>
            @if (canRetry()) {
              <button mat-stroked-button type="button" (click)="chat.retry()">
                <mat-icon aria-hidden="true">refresh</mat-icon>
                Retry
              </button>
            }
          </div>
        </form>
      </mat-card-content>
    </mat-card>

    <mat-card appearance="outlined" class="answer-card">
      <mat-card-header>
        <mat-card-title>Answer</mat-card-title>
      </mat-card-header>
      <mat-card-content>
        @if (chat.busy()) {
          <mat-progress-bar mode="indeterminate" aria-label="Answer in progress" />
        }
        <!-- The count stays outside the status: a live region changing once per token would be
             read once per token. -->
        <p class="status">
          <span role="status" [attr.data-status]="chat.status()">Status: {{ statusText() }}</span>
          @if (chat.tokens()) {
            <span class="count">({{ chat.tokens() }} tokens)</span>
          }
        </p>
        <app-error-message [message]="chat.error()" />
        <!-- Not live: one announcement per token would be noise; the region below speaks once. -->
        <p
          class="answer"
          data-testid="answer"
          dir="auto"
          [attr.aria-busy]="chat.busy()"
          [textContent]="chat.answer()"
        ></p>
        <div
          class="cdk-visually-hidden"
          aria-live="polite"
          aria-atomic="true"
          data-testid="answer-announcer"
        >
          {{ announcement() }}
        </div>
      </mat-card-content>
    </mat-card>
  `,
  styles: `
    form {
      display: flex;
      flex-direction: column;
      gap: 12px;
    }
    mat-form-field {
      width: 100%;
    }
    /* The hint beside it wraps instead, so the count stays on one line at 390 px. */
    .counter {
      flex: none;
      white-space: nowrap;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .status {
      margin: 8px 0;
      font: var(--mat-sys-label-large);
    }
    /* The template drops the whitespace between the status and the count. */
    .count {
      margin-inline-start: 0.5ch;
      color: var(--mat-sys-on-surface-variant);
    }
    .answer {
      min-height: 3lh;
      margin: 0;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
      font: var(--mat-sys-body-large);
    }
  `,
})
export class AssistantPage {
  protected readonly chat = inject(ChatSession);
  protected readonly max = MAX_PROMPT;
  protected readonly count = charCount;
  protected readonly form = new FormGroup({
    prompt: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, maxChars(MAX_PROMPT)],
    }),
  });
  protected readonly prompt = this.form.controls.prompt;

  protected readonly statusText = computed(() => STATUS_TEXT[this.chat.status()]);
  protected readonly canRetry = computed(
    () => this.chat.status() === 'error' || this.chat.status() === 'stopped',
  );
  /** Said once per answer, when it is over. */
  protected readonly announcement = computed(() => {
    switch (this.chat.status()) {
      case 'done':
        return `Answer: ${this.chat.answer()}`;
      case 'stopped':
        return `Stopped after ${this.chat.tokens()} ${this.chat.tokens() === 1 ? 'token' : 'tokens'}.`;
      default:
        return '';
    }
  });

  protected send(): void {
    const prompt = this.prompt.value.trim();
    if (!prompt) {
      this.prompt.setErrors({ required: true });
      this.prompt.markAsTouched();
      return;
    }
    if (this.prompt.invalid) {
      // Ctrl+Enter is no form submit, so the error would stay hidden until the field is left.
      this.prompt.markAsTouched();
      return;
    }
    if (this.chat.busy()) return;
    this.chat.send(prompt);
  }
}
