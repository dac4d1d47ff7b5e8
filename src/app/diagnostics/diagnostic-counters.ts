import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { SseDiagnostics, SseRole, SseState } from 'ngx-sse';

import { formatClock, formatCount, formatDuration } from '../shared/format';

/** A follower's state and counters are the leader tab's, relayed. */
const ROLES: Record<SseRole, string> = {
  solo: 'own connection',
  leader: 'leader: holds the connection',
  follower: 'follower: state from the leader tab',
};

/**
 * The last error, with the time of the transition that carried it: it stays after the stream
 * recovered, and without a time it reads as current. A parse error has no transition.
 */
function lastError({ lastError: error, log }: SseDiagnostics): string {
  if (!error) return 'none';
  for (let i = log.length - 1; i >= 0; i--) {
    const { state } = log[i];
    if ('error' in state && state.error === error)
      return `at ${formatClock(log[i].at)}: ${error.message}`;
  }
  return error.message;
}

/** One counter; `key` becomes `data-counter` for tests and e2e. */
interface Counter {
  key: string;
  label: string;
  value: string;
}

/** The stream's counters: events, reconnects, parse errors, last id, uptime and last error. */
@Component({
  selector: 'app-diagnostic-counters',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dl>
      @for (counter of counters(); track counter.key) {
        <div class="counter">
          <dt>{{ counter.label }}</dt>
          <dd
            [attr.data-counter]="counter.key"
            [attr.aria-label]="counter.label + ': ' + counter.value"
          >
            {{ counter.value }}
          </dd>
        </div>
      }
    </dl>
  `,
  styles: `
    dl {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(140px, 1fr));
      gap: 12px;
      margin: 0;
    }
    dt {
      font: var(--mat-sys-label-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    dd {
      margin: 2px 0 0;
      font: var(--mat-sys-title-medium);
      overflow-wrap: anywhere;
    }
  `,
})
export class DiagnosticCounters {
  /** Null before the first stream opens. */
  readonly diagnostics = input.required<SseDiagnostics | null>();
  readonly state = input.required<SseState>();
  /** The current time (epoch ms); a ticking clock keeps the uptime live. */
  readonly now = input.required<number>();

  /** How long the current connection has been open, or null when it is not open. */
  readonly connectedForMs = computed(() => {
    const connectedAt = this.diagnostics()?.connectedAt ?? null;
    if (this.state().status !== 'open' || connectedAt === null) return null;
    return this.now() - connectedAt;
  });

  protected readonly counters = computed<Counter[]>(() => {
    const diagnostics = this.diagnostics();
    const connectedFor = this.connectedForMs();
    return [
      {
        key: 'events',
        label: 'Events received',
        value: formatCount(diagnostics?.eventsReceived ?? 0),
      },
      { key: 'reconnects', label: 'Reconnects', value: formatCount(diagnostics?.reconnects ?? 0) },
      {
        key: 'parse-errors',
        label: 'Parse errors',
        value: formatCount(diagnostics?.parseErrors ?? 0),
      },
      { key: 'last-event-id', label: 'Last event id', value: diagnostics?.lastEventId || 'none' },
      {
        key: 'connected',
        label: 'Time connected',
        value: connectedFor === null ? 'not connected' : formatDuration(connectedFor),
      },
      {
        key: 'last-error',
        label: 'Last error',
        value: diagnostics ? lastError(diagnostics) : 'none',
      },
      { key: 'role', label: 'Tab role', value: ROLES[diagnostics?.role ?? 'solo'] },
    ];
  });
}
