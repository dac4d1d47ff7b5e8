import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';

import { errorMessage } from '../core/api';
import { type Fault, Faults } from '../core/faults';

/** A fault button: its label and the body it posts. */
export interface FaultAction {
  label: string;
  fault: Fault;
}

/** The faults the mock server can inject into the user's stream. */
export const FAULT_ACTIONS: readonly FaultAction[] = [
  { label: 'Drop connection', fault: { kind: 'drop' } },
  { label: '503 × 3', fault: { kind: 'status', status: 503, count: 3 } },
  { label: 'Stall 20 s', fault: { kind: 'stall', ms: 20_000 } },
  { label: 'Bad MIME', fault: { kind: 'bad-mime', count: 1 } },
  { label: '204', fault: { kind: 'no-content' } },
];

/** Buttons that ask the mock server to break the stream, with the outcome shown inline. */
@Component({
  selector: 'app-fault-controls',
  imports: [MatButtonModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="buttons" role="group" aria-label="Inject a fault">
      @for (action of actions; track action.label) {
        <button mat-stroked-button type="button" [disabled]="busy()" (click)="trigger(action)">
          {{ action.label }}
        </button>
      }
    </div>
    <p class="hint">Needs the mock server's <code>--faults</code> flag.</p>
    <!-- Both regions always exist: screen readers only announce changes to existing regions. -->
    <p class="outcome" role="status">{{ success() }}</p>
    <p class="outcome error" role="alert">{{ failure() }}</p>
  `,
  styles: `
    .buttons {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .hint {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .outcome {
      margin: 4px 0 0;
    }
    .error {
      color: var(--mat-sys-error);
    }
  `,
})
export class FaultControls {
  private readonly faults = inject(Faults);
  protected readonly actions = FAULT_ACTIONS;
  protected readonly busy = signal(false);
  protected readonly success = signal('');
  protected readonly failure = signal('');

  protected async trigger({ label, fault }: FaultAction): Promise<void> {
    this.busy.set(true);
    this.success.set('');
    this.failure.set('');
    try {
      await this.faults.inject(fault);
      this.success.set(`Injected: ${label}`);
    } catch (error) {
      this.failure.set(`${label} failed: ${errorMessage(error)}`);
    } finally {
      this.busy.set(false);
    }
  }
}
