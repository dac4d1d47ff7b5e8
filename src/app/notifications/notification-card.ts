import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  computed,
  inject,
  input,
  output,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';

import type { NotificationItem } from '../core/notification-store';
import { LevelIcon } from './level-icon';
import { relativeTime } from '../shared/format';

/**
 * One notification as a list item. Every server-supplied string is interpolated, never bound as
 * HTML: titles and messages are user input and may carry markup. They may be in a right-to-left
 * script too, so each takes its direction from its own text (`dir="auto"`) rather than from the
 * page: otherwise the bidi algorithm moves a Hebrew title's final "!" to its start.
 */
@Component({
  selector: 'app-notification-card',
  imports: [DatePipe, MatCardModule, MatButtonModule, MatIconModule, LevelIcon],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    role: 'listitem',
    // Focusable by script only: where focus goes when its Mark read button goes away.
    tabindex: '-1',
    '[attr.aria-label]': 'label()',
    '[attr.data-level]': 'item().level',
    '[attr.data-read]': 'item().read',
    '[class.unread]': '!item().read',
  },
  template: `
    <mat-card appearance="outlined">
      <mat-card-header>
        <app-level-icon [level]="item().level" />
        <span class="title" dir="auto">{{ item().title }}</span>
        <time [attr.datetime]="item().createdAt" [title]="item().createdAt | date: 'medium'">
          {{ age() }}
        </time>
      </mat-card-header>
      @if (item().message) {
        <mat-card-content>
          <p class="message" dir="auto">{{ item().message }}</p>
        </mat-card-content>
      }
      <mat-card-actions align="end">
        @if (item().read) {
          <span class="state"><mat-icon aria-hidden="true">drafts</mat-icon>Read</span>
        } @else {
          <span class="state"><mat-icon aria-hidden="true">mark_email_unread</mat-icon>Unread</span>
          <button
            mat-button
            type="button"
            [attr.aria-label]="'Mark read: ' + item().title"
            (click)="markAsRead()"
          >
            Mark read
          </button>
        }
      </mat-card-actions>
    </mat-card>
  `,
  styles: `
    :host {
      display: block;
      container-type: inline-size;
    }
    mat-card-header {
      display: flex;
      align-items: center;
      gap: 12px;
      padding-bottom: 8px;
    }
    .title {
      flex: 1;
      font: var(--mat-sys-title-medium);
      overflow-wrap: anywhere;
    }
    :host(.unread) .title {
      font-weight: 700;
    }
    /* In a narrow card (a phone) the level and the age would squeeze a long title into a narrow
       column between them: they share the first line, and the title gets the card's width below. */
    @container (max-width: 479.98px) {
      mat-card-header {
        flex-wrap: wrap;
      }
      time {
        margin-inline-start: auto;
      }
      .title {
        order: 1;
        flex-basis: 100%;
      }
    }
    :host(.unread) mat-card {
      --mat-card-outlined-outline-color: var(--mat-sys-primary);
    }
    time,
    .state {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    .state {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      margin-right: auto;
    }
    .message {
      margin: 0;
      white-space: pre-line;
      overflow-wrap: anywhere;
    }
  `,
})
export class NotificationCard {
  readonly item = input.required<NotificationItem>();
  /** The current time (epoch ms); a ticking clock keeps the relative time live. */
  readonly now = input.required<number>();
  /** Emits the item's id. */
  readonly markRead = output<string>();

  private readonly host: HTMLElement = inject(ElementRef).nativeElement;

  protected readonly label = computed(() => `${this.item().level}: ${this.item().title}`);
  protected readonly age = computed(() => relativeTime(this.item().createdAt, this.now()));

  /**
   * The button disappears once the item reads as read, which would drop focus to the page and
   * send the next Tab back to the toolbar; the card keeps it, so Tab goes on to the next item.
   */
  protected markAsRead(): void {
    this.host.focus({ preventScroll: true });
    this.markRead.emit(this.item().id);
  }
}
