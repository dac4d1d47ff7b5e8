import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';

import { LiveStream } from '../core/live-stream';
import { Session } from '../core/session';
import { focusPageHeading } from '../shared/page-heading';
import { StickyBanner } from '../shared/sticky-banner';

/**
 * Shown above every page once the live stream stopped for good (a 204, a fatal answer): the
 * data on screen no longer updates, which only the toolbar chip would say otherwise, and
 * Reconnect opens it again from wherever the user is. The chip's own live region announces it.
 *
 * @example
 * <app-stream-stopped />
 */
@Component({
  selector: 'app-stream-stopped',
  imports: [MatButtonModule, StickyBanner],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (reason(); as reason) {
      <div class="app-banner" appStickyBanner role="region" aria-label="Live updates stopped">
        <p>
          The stream stopped ({{ reason }}) and will not reconnect by itself: what you see no longer
          updates.
        </p>
        <button mat-flat-button type="button" (click)="reconnect()">Reconnect</button>
      </div>
    }
  `,
  // `contents`: the banner sticks within the page (see `.app-banner`), not within this host.
  styles: `
    :host {
      display: contents;
    }
  `,
})
export class StreamStopped {
  protected readonly live = inject(LiveStream);
  private readonly session = inject(Session);
  private readonly document = inject(DOCUMENT);

  /** Why the stream stopped, while signed in and stopped by anything but our own close. */
  protected readonly reason = computed(() => {
    const state = this.live.state();
    const stopped = state.status === 'closed' && state.reason !== 'closed';
    return stopped && this.session.user() !== null ? state.reason : null;
  });

  /** The banner goes once the stream reconnects: focus moves on before its button goes. */
  protected reconnect(): void {
    focusPageHeading(this.document, {});
    this.live.reconnect();
  }
}
