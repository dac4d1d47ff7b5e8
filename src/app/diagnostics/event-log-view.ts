import { BreakpointObserver } from '@angular/cdk/layout';
import { CdkVirtualScrollViewport, ScrollingModule } from '@angular/cdk/scrolling';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { first } from 'rxjs';

import { LOG_LIMIT, type LogEntry } from '../core/event-log';
import { formatCount, formatTime } from '../shared/format';

/** Row height in px; fixed so the viewport can place thousands of rows without measuring them. */
const ROW_PX = 28;
/** On a touch screen a row is a 44 px tap target, the least a finger hits reliably. */
const TOUCH_ROW_PX = 44;
/** A finger rather than a mouse is the main pointer. */
export const TOUCH_QUERY = '(pointer: coarse)';

/**
 * The raw events, newest first, in a virtual scroll viewport: only the visible rows exist in the
 * DOM however many entries there are. Rows keep one fixed height, so a long payload is cut; a
 * click, tap or Enter on it shows it whole, wrapped, below the log. Payloads are interpolated, so
 * they can only ever be text. The rows are one Tab stop: the arrow keys, Home and End move between
 * them, so Tab gets past a log of thousands in one press.
 */
@Component({
  selector: 'app-event-log-view',
  imports: [ScrollingModule, MatButtonModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p class="summary" id="event-log-summary">
      {{ count() }} events, newest first (the last {{ limit }} are kept). Arrow keys move between
      rows.
    </p>
    <!-- Focusable so keyboard users can scroll it. -->
    <cdk-virtual-scroll-viewport
      tabindex="0"
      role="list"
      aria-label="Raw event log"
      aria-describedby="event-log-summary"
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
        <button
          type="button"
          class="payload"
          [attr.aria-label]="payloadLabel(entry)"
          [attr.aria-expanded]="selected()?.seq === entry.seq"
          aria-controls="event-log-payload"
          [attr.data-index]="i"
          [tabindex]="isTabStop(entry) ? 0 : -1"
          (focus)="current.set(entry.seq)"
          (keydown)="move($event, i)"
          (click)="selected.set(entry)"
        >
          <code [title]="entry.data">{{ entry.data }}</code>
        </button>
      </div>
    </cdk-virtual-scroll-viewport>
    @if (selected(); as entry) {
      <section id="event-log-payload" class="detail" aria-label="Selected event payload">
        <p class="detail-head">
          <span>{{ entry.type }} #{{ entry.lastEventId }} at {{ time(entry.receivedAt) }}</span>
          <button mat-button type="button" (click)="selected.set(null)">Close</button>
        </p>
        <pre>{{ entry.data }}</pre>
      </section>
    }
  `,
  styles: `
    .summary {
      margin: 0 0 8px;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    /* A container, so a row can be exactly as wide as the log: the viewport's content wrapper
       is as wide as its widest row, which would keep a long payload from being cut. */
    cdk-virtual-scroll-viewport {
      container-type: inline-size;
      height: 360px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
    }
    cdk-virtual-scroll-viewport:focus-visible {
      outline: 2px solid var(--mat-sys-primary);
    }
    .row {
      box-sizing: border-box;
      width: 100cqi;
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
    /* On a phone the id would leave the payload a character or two; a tap on the row shows the
       id with the whole payload. */
    @container (max-width: 479.98px) {
      .id {
        display: none;
      }
    }
    .payload {
      align-self: stretch;
      min-width: 0;
      flex: 1;
      padding: 0;
      border: 0;
      background: none;
      color: inherit;
      font: inherit;
      text-align: start;
      cursor: pointer;
    }
    .payload:focus-visible {
      outline: 2px solid var(--mat-sys-primary);
    }
    code {
      display: block;
      overflow: hidden;
      text-overflow: ellipsis;
    }
    .detail {
      margin-top: 8px;
      padding: 8px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
    }
    .detail-head {
      display: flex;
      align-items: center;
      justify-content: space-between;
      margin: 0;
      font: var(--mat-sys-body-small);
    }
    pre {
      margin: 0;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
      font: var(--mat-sys-body-small);
      font-family: monospace;
    }
  `,
})
export class EventLogView {
  /** Entries newest first, as `EventLog.entries()` gives them. */
  readonly entries = input.required<readonly LogEntry[]>();

  /** The entry whose full payload is shown below the log, if any. */
  protected readonly selected = signal<LogEntry | null>(null);
  protected readonly count = computed(() => formatCount(this.entries().length));
  protected readonly limit = formatCount(LOG_LIMIT);
  protected readonly rowPx = inject(BreakpointObserver).isMatched(TOUCH_QUERY)
    ? TOUCH_ROW_PX
    : ROW_PX;
  protected readonly time = formatTime;
  /** The row that holds the log's one Tab stop, by sequence number: rows shift as events come. */
  protected readonly current = signal<number | null>(null);
  private readonly viewport = viewChild.required(CdkVirtualScrollViewport);
  private readonly host: HTMLElement = inject(ElementRef).nativeElement;
  private readonly injector = inject(Injector);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly bySeq = (_: number, entry: LogEntry): number => entry.seq;

  /** The rows the virtual scroll renders now: only they can hold the Tab stop. */
  private readonly rendered = signal({ start: 0, end: 0 });
  /**
   * The row last focused while it is rendered, else the first rendered one: a row scrolled out
   * of the rendered range, or pushed out of the log, must not take the log's Tab stop with it.
   */
  private readonly tabStop = computed(() => {
    const { start, end } = this.rendered();
    const shown = this.entries().slice(start, end);
    const current = this.current();
    return shown.some((entry) => entry.seq === current) ? current : (shown[0]?.seq ?? null);
  });

  constructor() {
    afterNextRender(() =>
      this.viewport()
        .renderedRangeStream.pipe(takeUntilDestroyed(this.destroyRef))
        .subscribe((range) => this.rendered.set(range)),
    );
  }

  protected isTabStop(entry: LogEntry): boolean {
    return entry.seq === this.tabStop();
  }

  protected move(event: KeyboardEvent, index: number): void {
    const last = this.entries().length - 1;
    const steps: Record<string, number> = {
      ArrowDown: Math.min(index + 1, last),
      ArrowUp: Math.max(index - 1, 0),
      Home: 0,
      End: last,
    };
    const next = steps[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const target = () => this.host.querySelector<HTMLElement>(`[data-index="${next}"]`);
    const rendered = target();
    if (rendered) {
      rendered.focus();
      return;
    }
    // A row far off (End, Home) is not rendered yet: bring it into the viewport, then focus it.
    const viewport = this.viewport();
    viewport.renderedRangeStream
      .pipe(first(({ start, end }) => start <= next && next < end))
      .subscribe(() => afterNextRender(() => target()?.focus(), { injector: this.injector }));
    viewport.scrollToIndex(next);
  }

  // Names a row by what tells it apart: its place in the log, type and arrival time. The SSE id
  // does not, since an event without an own id repeats the previous one.
  protected payloadLabel({ seq, type, receivedAt }: LogEntry): string {
    return `Show the payload of event ${formatCount(seq)}: ${type} at ${formatTime(receivedAt)}`;
  }
}
