import { BreakpointObserver } from '@angular/cdk/layout';
import { DOCUMENT, isPlatformBrowser } from '@angular/common';
import { Injectable, PLATFORM_ID, computed, effect, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { map } from 'rxjs';

/** The user's choice: a fixed scheme, or whatever the system prefers. */
export type ThemeChoice = 'light' | 'dark' | 'system';

export const THEME_CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark'];

const STORAGE_KEY = 'sse-dashboard.theme';
const PREFERS_DARK = '(prefers-color-scheme: dark)';

function isChoice(value: unknown): value is ThemeChoice {
  return THEME_CHOICES.includes(value as ThemeChoice);
}

/**
 * Light, dark or system colour scheme. The stylesheet's Material 3 theme is built with
 * `light-dark()`, so this only pins `color-scheme` through a class on `<html>`; the choice is kept
 * in localStorage (when there is one: not on the server, not in a locked-down browser).
 *
 * @example
 * const theme = inject(Theme);
 * theme.choose('dark');
 * theme.dark(); // true
 */
@Injectable({ providedIn: 'root' })
export class Theme {
  private readonly document = inject(DOCUMENT);
  private readonly storage = isPlatformBrowser(inject(PLATFORM_ID))
    ? this.document.defaultView?.localStorage
    : undefined;
  private readonly systemDark = toSignal(
    inject(BreakpointObserver)
      .observe(PREFERS_DARK)
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );

  /** What the user picked. */
  readonly choice = signal<ThemeChoice>(this.read());
  /** Whether the dark scheme is in effect. */
  readonly dark = computed(() =>
    this.choice() === 'system' ? this.systemDark() : this.choice() === 'dark',
  );

  constructor() {
    effect(() => {
      const classes = this.document.documentElement.classList;
      const choice = this.choice();
      classes.toggle('theme-light', choice === 'light');
      classes.toggle('theme-dark', choice === 'dark');
    });
  }

  choose(choice: ThemeChoice): void {
    this.choice.set(choice);
    try {
      this.storage?.setItem(STORAGE_KEY, choice);
    } catch {
      // Storage can be full or disabled; the choice still holds for this visit.
    }
  }

  private read(): ThemeChoice {
    try {
      const stored = this.storage?.getItem(STORAGE_KEY);
      return isChoice(stored) ? stored : 'system';
    } catch {
      return 'system';
    }
  }
}
