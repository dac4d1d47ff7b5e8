import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import type { SseTransport } from 'ngx-sse';

import { errorMessage } from '../core/api';
import { Faults } from '../core/faults';
import { DEFAULT_HEARTBEAT_TIMEOUT_MS } from '../core/live-stream';
import { formatClock } from '../shared/format';
import { type FaultAction, faultActions } from './fault-actions';

/**
 * Buttons that ask the mock server to break the stream, each saying what will happen with the
 * settings in effect; the outcome is shown inline. A stream the client stopped for good is
 * reconnected from the shell's banner (`shell/stream-stopped.ts`), on this page as on any other.
 */
@Component({
  selector: 'app-fault-controls',
  imports: [MatButtonModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ul class="actions" role="list" aria-label="Inject a fault">
      @for (action of actions(); track action.fault.kind; let i = $index) {
        <li>
          <button
            mat-stroked-button
            type="button"
            [disabled]="busy()"
            disabledInteractive
            [attr.aria-describedby]="'fault-description-' + i"
            (click)="trigger(action)"
          >
            {{ action.label }}
          </button>
          <span class="description" [id]="'fault-description-' + i">{{ action.description }}</span>
        </li>
      }
    </ul>
    <p class="hint">Needs the mock server's <code>--faults</code> flag.</p>
    <!-- Both regions always exist: screen readers only announce changes to existing regions. -->
    <p class="outcome" role="status">{{ success() }}</p>
    <p class="outcome error" role="alert">{{ failure() }}</p>
  `,
  styles: `
    /* One grid for all rows (each row a subgrid), so the buttons share the width of the widest
       label on one line and the descriptions line up. */
    .actions {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 12px;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    li {
      display: grid;
      grid-column: 1 / -1;
      grid-template-columns: subgrid;
      align-items: center;
    }
    li button {
      width: 100%;
    }
    .description,
    .hint {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    @media (max-width: 599.98px) {
      .actions {
        grid-template-columns: 1fr;
      }
      li {
        row-gap: 4px;
      }
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
  /** The settings in effect, which decide the stall's length and what each fault will do. */
  readonly transport = input<SseTransport>('fetch');
  readonly heartbeatTimeoutMs = input(DEFAULT_HEARTBEAT_TIMEOUT_MS);

  private readonly faults = inject(Faults);
  protected readonly actions = computed(() =>
    faultActions({ transport: this.transport(), heartbeatTimeoutMs: this.heartbeatTimeoutMs() }),
  );
  protected readonly busy = signal(false);
  protected readonly success = signal('');
  protected readonly failure = signal('');

  protected async trigger({ label, fault }: FaultAction): Promise<void> {
    if (this.busy()) return;
    this.busy.set(true);
    this.success.set('');
    this.failure.set('');
    try {
      await this.faults.inject(fault);
      // The time says when: the line stays after the fault's effect has passed.
      this.success.set(`Injected at ${formatClock(Date.now())}: ${label}`);
    } catch (error) {
      this.failure.set(`${label} failed: ${errorMessage(error)}`);
    } finally {
      this.busy.set(false);
    }
  }
}
