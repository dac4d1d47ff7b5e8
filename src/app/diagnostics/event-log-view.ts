import { ScrollingModule } from '@angular/cdk/scrolling';
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

import { LOG_LIMIT, type LogEntry } from '../core/event-log';
import { formatCount, formatTime } from '../shared/format';

/** Row height in px; fixed so the viewport can place thousands of rows without measuring them. */
const ROW_PX = 28;

/**
 * The raw events, newest first, in a virtual scroll viewport: only the visible rows exist in the
 * DOM however many entries there are. Payloads are interpolated, so they can only ever be text.
 */
@Component({
  selector: 'app-event-log-view',
  imports: [ScrollingModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p class="summary">{{ count() }} events, newest first (the last {{ limit }} are kept)</p>
    <!-- Focusable so keyboard users can scroll it. -->
    <cdk-virtual-scroll-viewport
      tabindex="0"
      role="list"
      aria-label="Raw event log"
      [itemSize]="rowPx"
      [attr.data-count]="entries().length"
    >
      <div
        *cdkVirtualFor="let entry of entries(); trackBy: bySeq; let i = index; let odd = odd"
        class="row"
        [class.odd]="odd"
        [style.height.px]="rowPx"
        role="listitem"
        [attr.aria-posinset]="i + 1"
        [attr.aria-setsize]="entries().length"
        [attr.data-seq]="entry.seq"
      >
        <time>{{ time(entry.receivedAt) }}</time>&ngsp;
        <span class="type">{{ entry.type }}</span>&ngsp;
        <span class="id">#{{ entry.lastEventId }}</span
        >&ngsp;
        <code [title]="entry.data">{{ entry.data }}</code>
      </div>
    </cdk-virtual-scroll-viewport>
  `,
  styles: `
    .summary {
      margin: 0 0 8px;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    cdk-virtual-scroll-viewport {
      height: 360px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
    }
    cdk-virtual-scroll-viewport:focus-visible {
      outline: 2px solid var(--mat-sys-primary);
    }
    .row {
      display: flex;
      gap: 12px;
      align-items: center;
      padding: 0 8px;
      font: var(--mat-sys-body-small);
      white-space: nowrap;
    }
    .odd {
      background: var(--mat-sys-surface-container-low);
    }
    time,
    code {
      font-family: monospace;
    }
    .type {
      min-width: 96px;
      font-weight: 500;
    }
    .id {
      min-width: 56px;
      color: var(--mat-sys-on-surface-variant);
    }
    code {
      overflow: hidden;
      text-overflow: ellipsis;
    }
  `,
})
export class EventLogView {
  /** Entries newest first, as `EventLog.entries()` gives them. */
  readonly entries = input.required<readonly LogEntry[]>();

  protected readonly count = computed(() => formatCount(this.entries().length));
  protected readonly limit = formatCount(LOG_LIMIT);
  protected readonly rowPx = ROW_PX;
  protected readonly time = formatTime;
  protected readonly bySeq = (_: number, entry: LogEntry): number => entry.seq;
}
