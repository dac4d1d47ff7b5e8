import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  input,
  output,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import {
  type AbstractControl,
  FormControl,
  FormGroup,
  ReactiveFormsModule,
  type ValidationErrors,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';

import type { SseTransport } from 'ngx-sse';

/** What the settings form applies. */
export interface StreamSettingsValue {
  transport: SseTransport;
  heartbeatTimeoutMs: number;
  crossTab: boolean;
}

// The mock server sends a heartbeat every second, so a 1 s timeout would fire between two
// heartbeats of a healthy stream.
const MIN_SECONDS = 2;
const MAX_SECONDS = 600;
/** The valid timeouts, as the hint and the error say them. */
const RANGE = `0 (off) or ${MIN_SECONDS}–${MAX_SECONDS}`;

/**
 * A heartbeat timeout is whole seconds: 0 (off) or 2–600.
 *
 * @example
 * new FormControl<number | null>(45, heartbeatSeconds);
 */
export function heartbeatSeconds(control: AbstractControl<number | null>): ValidationErrors | null {
  const seconds = control.value;
  const valid =
    seconds !== null &&
    Number.isInteger(seconds) &&
    (seconds === 0 || (seconds >= MIN_SECONDS && seconds <= MAX_SECONDS));
  return valid ? null : { heartbeatSeconds: true };
}

/** Transport and heartbeat timeout of the live stream; emits `apply` with valid settings. */
@Component({
  selector: 'app-stream-settings',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatButtonToggleModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()">
      <mat-button-toggle-group formControlName="transport" aria-label="Transport">
        <mat-button-toggle value="fetch">fetch</mat-button-toggle>
        <mat-button-toggle value="eventsource">native (EventSource)</mat-button-toggle>
      </mat-button-toggle-group>
      <!-- Dynamic: the native-transport hint runs to several lines. -->
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>Heartbeat timeout (s)</mat-label>
        <input matInput type="number" formControlName="seconds" min="0" [max]="max" step="1" />
        @if (eventSource()) {
          <!-- No whitespace inside the hint: it would show as an indent of its first line. -->
          <mat-hint
            >EventSource hides heartbeat comments, so a heartbeat timeout could fire on a healthy
            quiet stream: the timeout applies to the fetch transport only.</mat-hint
          >
        } @else {
          <mat-hint
            >Whole seconds: {{ range }}. The server sends a heartbeat every second.</mat-hint
          >
        }
        <mat-error>Enter whole seconds: {{ range }}.</mat-error>
      </mat-form-field>
      <mat-checkbox formControlName="crossTab">Share the connection across tabs</mat-checkbox>
      <button mat-flat-button type="submit">Apply</button>
    </form>
    <p class="current" role="status">Applied: {{ applied() }}</p>
  `,
  styles: `
    form {
      display: flex;
      flex-direction: column;
      align-items: flex-start;
      gap: 16px;
    }
    mat-form-field {
      width: 100%;
      max-width: 360px;
    }
    // Toggles are 40 px tall and, unlike Material's buttons, have no larger touch target around
    // them: on a touch screen they get a finger's 48 px.
    @media (pointer: coarse) {
      mat-button-toggle-group {
        --mat-button-toggle-height: 48px;
      }
    }
    .current {
      margin: 12px 0 0;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class StreamSettings {
  /** The settings in effect. */
  readonly transport = input.required<SseTransport>();
  readonly heartbeatTimeoutMs = input.required<number>();
  readonly crossTab = input(true);
  readonly apply = output<StreamSettingsValue>();

  protected readonly range = RANGE;
  protected readonly max = MAX_SECONDS;

  protected readonly form = new FormGroup({
    transport: new FormControl<SseTransport>('fetch', { nonNullable: true }),
    seconds: new FormControl<number | null>(null, heartbeatSeconds),
    crossTab: new FormControl(true, { nonNullable: true }),
  });

  private readonly chosen = toSignal(this.form.controls.transport.valueChanges, {
    initialValue: this.form.controls.transport.value,
  });
  protected readonly eventSource = computed(() => this.chosen() === 'eventsource');

  protected readonly applied = computed(() => {
    const solo = this.crossTab() ? '' : ', each tab connects by itself';
    if (this.transport() === 'eventsource') return `native transport, no heartbeat timeout${solo}`;
    const seconds = this.heartbeatTimeoutMs() / 1000;
    return `fetch transport, heartbeat timeout ${seconds ? `${seconds} s` : 'off'}${solo}`;
  });

  constructor() {
    // The form starts from, and returns to, whatever is in effect.
    effect(() => {
      const applied = {
        transport: this.transport(),
        seconds: this.heartbeatTimeoutMs() / 1000,
        crossTab: this.crossTab(),
      };
      // Only the inputs are dependencies, whatever the form reads while it resets.
      untracked(() => this.form.reset(applied));
    });
    this.form.controls.transport.valueChanges.pipe(takeUntilDestroyed()).subscribe((transport) => {
      const seconds = this.form.controls.seconds;
      if (transport === 'eventsource') seconds.disable({ emitEvent: false });
      else seconds.enable({ emitEvent: false });
    });
  }

  protected submit(): void {
    if (this.form.invalid) return;
    const { transport, seconds, crossTab } = this.form.getRawValue();
    // A native stream ignores the timeout, so the one in effect is kept for a later switch back.
    const heartbeatTimeoutMs =
      transport === 'eventsource' ? this.heartbeatTimeoutMs() : (seconds ?? 0) * 1000;
    this.apply.emit({ transport, heartbeatTimeoutMs, crossTab });
  }
}
