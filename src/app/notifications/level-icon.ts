import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';

import type { Level } from '../core/api';
import { LEVEL_META } from './level';

/**
 * A level's icon and label in its colour. The label is the accessible part; the icon is
 * decorative, so screen readers hear "Error" rather than the ligature name.
 */
@Component({
  selector: 'app-level-icon',
  imports: [MatIconModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[class]': "'level-' + level().toLowerCase()", '[attr.data-level]': 'level()' },
  template: `
    <mat-icon aria-hidden="true">{{ meta().icon }}</mat-icon>
    <span class="label">{{ meta().label }}</span>
  `,
  styles: `
    :host {
      display: inline-flex;
      /* Not on the baseline: the gap below it made the level select taller than its neighbours. */
      vertical-align: top;
      align-items: center;
      gap: 4px;
      font: var(--mat-sys-label-large);
    }
    :host(.level-info) {
      color: var(--mat-sys-primary);
    }
    :host(.level-warning) {
      color: var(--mat-sys-tertiary);
    }
    :host(.level-error) {
      color: var(--mat-sys-error);
    }
  `,
})
export class LevelIcon {
  readonly level = input.required<Level>();
  protected readonly meta = computed(() => LEVEL_META[this.level()]);
}
