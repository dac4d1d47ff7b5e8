import { TestBed } from '@angular/core/testing';

import type { Level } from '../core/api';
import { LevelIcon } from './level-icon';

describe('LevelIcon', () => {
  function render(level: Level): HTMLElement {
    const fixture = TestBed.createComponent(LevelIcon);
    fixture.componentRef.setInput('level', level);
    fixture.detectChanges();
    return fixture.nativeElement;
  }

  it('gives each level its own icon, word and colour class', () => {
    const shown = (['INFO', 'WARNING', 'ERROR'] as const).map((level) => {
      const host = render(level);
      return {
        icon: host.querySelector('mat-icon')?.textContent?.trim(),
        label: host.querySelector('.label')?.textContent?.trim(),
        className: host.className,
        color: getComputedStyle(host).color,
      };
    });
    expect(shown.map(({ icon }) => icon)).toEqual(['info', 'warning', 'error']);
    expect(shown.map(({ label }) => label)).toEqual(['Info', 'Warning', 'Error']);
    expect(shown.map(({ className }) => className)).toEqual([
      'level-info',
      'level-warning',
      'level-error',
    ]);
    expect(new Set(shown.map(({ color }) => color)).size).toBe(3);
  });

  it('hides the icon ligature from assistive technology', () => {
    expect(render('ERROR').querySelector('mat-icon')?.getAttribute('aria-hidden')).toBe('true');
  });
});
