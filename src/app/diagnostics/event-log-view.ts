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
import { logRowPx } from './log-row-height';
import { rowAfterKey, tabStopSeq } from './roving-tab-stop';

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
  styleUrl: './event-log-view.scss',
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
          <button mat-button type="button" (click)="close(entry)">Close</button>
        </p>
        <pre>{{ entry.data }}</pre>
      </section>
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
  protected readonly rowPx = logRowPx(inject(BreakpointObserver));
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
  /** The row that holds the Tab stop now, by sequence number (see `tabStopSeq`). */
  private readonly tabStop = computed(() => {
    const { start, end } = this.rendered();
    return tabStopSeq(this.entries().slice(start, end), this.current());
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
    const next = rowAfterKey(event.key, index, this.entries().length - 1);
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

  /**
   * Hides the payload detail. The Close button goes away with it, so focus goes back to the row
   * that opened it, or to the log's Tab stop once that row has scrolled out of the rendered range
   * or out of the log, rather than falling to the page.
   */
  protected close(entry: LogEntry): void {
    const row =
      this.host.querySelector<HTMLElement>(`[data-seq="${entry.seq}"] button.payload`) ??
      this.host.querySelector<HTMLElement>('button.payload[tabindex="0"]') ??
      this.viewport().elementRef.nativeElement;
    row.focus();
    this.selected.set(null);
  }

  // Names a row by what tells it apart: its place in the log, type and arrival time. The SSE id
  // does not, since an event without an own id repeats the previous one.
  protected payloadLabel({ seq, type, receivedAt }: LogEntry): string {
    return `Show the payload of event ${formatCount(seq)}: ${type} at ${formatTime(receivedAt)}`;
  }
}
