import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatChipsModule } from '@angular/material/chips';
import { MatIconModule } from '@angular/material/icon';
import type { SseState } from 'ngx-sse';
import { map } from 'rxjs';

import { stateReason } from '../shared/format';

const ICONS: Record<SseState['status'], string> = {
  idle: 'radio_button_unchecked',
  connecting: 'sync',
  open: 'wifi',
  reconnecting: 'autorenew',
  paused: 'pause_circle',
  closed: 'wifi_off',
};

/**
 * Below this width "reconnecting #12 in 30s" and the toolbar's three buttons overflow a 320 px
 * screen (WCAG 1.4.10), pushing the user menu off it: the chip says "retry" instead.
 */
export const NARROW_QUERY = '(max-width: 399.98px)';

/**
 * The connection status chip: state, attempt and a live countdown to the next retry, colour- and
 * icon-coded, with the whole story in its accessible label.
 */
@Component({
  selector: 'app-connection-status',
  imports: [MatChipsModule, MatIconModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <!-- A status by role, but not live: its countdown changes every second. The region below
         speaks once per change of state, reason or attempt. -->
    <span
      role="status"
      aria-live="off"
      [attr.aria-label]="label()"
      [attr.data-status]="state().status"
    >
      <mat-chip-set>
        <mat-chip disableRipple [class]="'status-' + state().status">
          <mat-icon matChipAvatar aria-hidden="true">{{ icon() }}</mat-icon>
          <span class="text">{{ text() }}</span>
        </mat-chip>
      </mat-chip-set>
    </span>
    <span class="cdk-visually-hidden" aria-live="polite" data-testid="connection-announcer">{{
      announcement()
    }}</span>
  `,
  styles: `
    .status-open {
      --mat-chip-elevated-container-color: var(--mat-sys-primary-container);
      --mat-chip-label-text-color: var(--mat-sys-on-primary-container);
    }
    .status-reconnecting,
    .status-connecting {
      --mat-chip-elevated-container-color: var(--mat-sys-tertiary-container);
      --mat-chip-label-text-color: var(--mat-sys-on-tertiary-container);
    }
    .status-closed {
      --mat-chip-elevated-container-color: var(--mat-sys-error-container);
      --mat-chip-label-text-color: var(--mat-sys-on-error-container);
    }
  `,
})
export class ConnectionStatus {
  readonly state = input.required<SseState>();
  /** When the current state was entered (epoch ms), for the retry countdown. */
  readonly enteredAt = input<number | null>(null);
  /** The current time (epoch ms); a ticking clock makes the countdown live. */
  readonly now = input(0);

  protected readonly icon = computed(() => ICONS[this.state().status]);
  private readonly narrow = toSignal(
    inject(BreakpointObserver)
      .observe(NARROW_QUERY)
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );

  /** Seconds until the next retry, or null when the library is not waiting on a timer. */
  readonly secondsLeft = computed(() => {
    const state = this.state();
    const enteredAt = this.enteredAt();
    if (state.status !== 'reconnecting' || state.delayMs === null || enteredAt === null)
      return null;
    return Math.max(0, Math.ceil((state.delayMs - (this.now() - enteredAt)) / 1000));
  });

  protected readonly text = computed(() => {
    const state = this.state();
    if (state.status !== 'reconnecting') return state.status;
    const seconds = this.secondsLeft();
    // The timer is due but the attempt not yet made: "in 0s" would read as stuck.
    const when = seconds === null ? '' : seconds === 0 ? ' now' : ` in ${seconds}s`;
    return `${this.narrow() ? 'retry' : 'reconnecting'} #${state.attempt}${when}`;
  });

  /** What screen readers hear: the state and why, without the countdown. */
  readonly announcement = computed(() => {
    const state = this.state();
    switch (state.status) {
      case 'reconnecting':
        return `Connection reconnecting (${stateReason(state)}), attempt ${state.attempt}`;
      case 'closed':
        return `Connection closed (${stateReason(state)})`;
      default:
        return `Connection ${state.status}`;
    }
  });

  protected readonly label = computed(() => {
    const state = this.state();
    switch (state.status) {
      case 'reconnecting': {
        const seconds = this.secondsLeft();
        const when =
          seconds === null
            ? 'retrying'
            : seconds === 0
              ? 'retrying now'
              : `retry in ${seconds} second${seconds === 1 ? '' : 's'}`;
        return `Connection reconnecting (${stateReason(state)}), attempt ${state.attempt}, ${when}`;
      }
      case 'closed':
        return `Connection closed (${stateReason(state)})`;
      default:
        return `Connection ${state.status}`;
    }
  });
}
