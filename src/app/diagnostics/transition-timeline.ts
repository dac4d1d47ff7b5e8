import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { SseTransition } from 'ngx-sse';

import { formatTime, stateReason } from '../shared/format';

/** One transition, flattened for display and for the `data-*` attributes tests read. */
interface TimelineRow {
  source: SseTransition;
  iso: string;
  time: string;
  status: string;
  reason: string | null;
  attempt: number | null;
  /** Null while the browser's own EventSource retry is pending: it picks the delay. */
  delayMs: number | null;
  /** Reason, attempt and delay as one phrase. */
  details: string;
}

function toRow(source: SseTransition): TimelineRow {
  const { at, state } = source;
  const reason = stateReason(state);
  const retrying = state.status === 'reconnecting';
  const details = [reason && `reason ${reason}`];
  if (retrying) {
    // No delay here: the browser's EventSource, or the leader tab of a shared connection, retries.
    const delay =
      state.delayMs === null
        ? 'retried by the browser or the leader tab'
        : `delay ${state.delayMs} ms`;
    details.push(`attempt ${state.attempt}`, delay);
  }
  return {
    source,
    iso: new Date(at).toISOString(),
    time: formatTime(at),
    status: state.status,
    reason,
    attempt: retrying ? state.attempt : null,
    delayMs: retrying ? state.delayMs : null,
    details: details.filter(Boolean).join(', '),
  };
}

/** The connection's state transitions, newest first, with reason, attempt and backoff delay. */
@Component({
  selector: 'app-transition-timeline',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <!-- role="list" because list-style: none drops list semantics in Safari. A Tab stop so that
         keyboard users can scroll it once it outgrows its max-height. -->
    <ol role="list" aria-label="Connection timeline" tabindex="0">
      @for (row of rows(); track row.source) {
        <li
          [class]="'status-' + row.status"
          [attr.data-status]="row.status"
          [attr.data-reason]="row.reason"
          [attr.data-attempt]="row.attempt"
          [attr.data-delay]="row.delayMs"
        >
          <time [attr.datetime]="row.iso">{{ row.time }}</time>&ngsp;
          <strong>{{ row.status }}</strong>&ngsp;
          <span>{{ row.details }}</span>
        </li>
      } @empty {
        <li>No transitions yet.</li>
      }
    </ol>
  `,
  styles: `
    ol {
      margin: 0;
      padding: 0;
      list-style: none;
      max-height: 320px;
      overflow-y: auto;
    }
    ol:focus-visible {
      outline: 3px solid var(--mat-sys-primary);
      outline-offset: 2px;
    }
    li {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 12px;
      padding: 6px 8px;
      border-left: 4px solid var(--mat-sys-outline-variant);
      font: var(--mat-sys-body-small);
    }
    li + li {
      margin-top: 4px;
    }
    time {
      font-family: monospace;
      color: var(--mat-sys-on-surface-variant);
    }
    .status-open {
      border-left-color: var(--mat-sys-primary);
    }
    .status-reconnecting,
    .status-connecting {
      border-left-color: var(--mat-sys-tertiary);
    }
    .status-closed {
      border-left-color: var(--mat-sys-error);
    }
  `,
})
export class TransitionTimeline {
  /** Transitions oldest first, as `SseDiagnostics.log` keeps them. */
  readonly transitions = input.required<readonly SseTransition[]>();

  protected readonly rows = computed(() => this.transitions().map(toRow).reverse());
}
