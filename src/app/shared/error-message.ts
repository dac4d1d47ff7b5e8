import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/**
 * A failed request's message, next to the control that sent it: an alert, so it is announced,
 * and nothing at all while there is no message.
 *
 * @example
 * <app-error-message [message]="error()" />
 */
@Component({
  selector: 'app-error-message',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (message(); as message) {
      <p role="alert">{{ message }}</p>
    }
  `,
  // `contents`: the paragraph, not this host, is the item of the form's flex row it breaks.
  styles: `
    :host {
      display: contents;
    }
    p {
      flex-basis: 100%;
      margin: 0;
      color: var(--mat-sys-error);
    }
  `,
})
export class ErrorMessage {
  /** The message to show, or null (or empty) for none. */
  readonly message = input<string | null | undefined>(null);
}
