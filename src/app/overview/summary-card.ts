import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';

import { BurstThrottle } from '../shared/burst-throttle';

const numberFormat = new Intl.NumberFormat('en');

/**
 * One headline number in a card, named for assistive technology as `Label: value`. A status by
 * role but not live itself: a burst of a hundred notifications would change it a hundred times.
 * The region beside it says the first change at once and then the latest at most once per window.
 */
@Component({
  selector: 'app-summary-card',
  imports: [MatCardModule, MatIconModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-card appearance="outlined">
      <mat-card-header>
        <mat-icon matCardAvatar aria-hidden="true">{{ icon() }}</mat-icon>
        <mat-card-title>{{ label() }}</mat-card-title>
      </mat-card-header>
      <mat-card-content>
        <p class="value" role="status" aria-live="off" [attr.aria-label]="name()">
          {{ text() }}
        </p>
        @if (announce()) {
          <span class="cdk-visually-hidden" aria-live="polite" data-testid="summary-announcer">{{
            spoken()
          }}</span>
        }
      </mat-card-content>
    </mat-card>
  `,
  styles: `
    mat-card {
      height: 100%;
    }
    mat-icon[matCardAvatar] {
      display: grid;
      place-items: center;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .value {
      margin: 8px 0 0;
      font: var(--mat-sys-display-small);
    }
  `,
})
export class SummaryCard {
  readonly label = input.required<string>();
  /** `null` when the figure is unknown (its list failed to load): shown as such, never as 0. */
  readonly value = input.required<number | null>();
  /** The figure's list is still loading: "loading", not a 0 that would only mean "not yet". */
  readonly loading = input(false);
  /** A Material Symbols name. */
  readonly icon = input('info');
  /** Whether screen readers announce changes; off for values that change every second. */
  readonly announce = input(true);

  protected readonly text = computed(() => {
    if (this.loading()) return 'loading';
    const value = this.value();
    return value === null ? 'unavailable' : numberFormat.format(value);
  });
  protected readonly name = computed(() => `${this.label()}: ${this.text()}`);
  /** What the live region says: changes only, so the first render is silent. */
  protected readonly spoken = signal('');

  constructor() {
    const throttle = new BurstThrottle<string>((names) => this.spoken.set(names[names.length - 1]));
    inject(DestroyRef).onDestroy(() => throttle.clear());
    let first = true;
    effect(() => {
      const name = this.name();
      if (first || !this.announce()) {
        first = false;
        return;
      }
      untracked(() => throttle.push(name));
    });
  }
}
