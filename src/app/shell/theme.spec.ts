import { BreakpointObserver, type BreakpointState } from '@angular/cdk/layout';
import { TestBed } from '@angular/core/testing';
import { BehaviorSubject, map } from 'rxjs';

import { Theme } from './theme';

const KEY = 'sse-dashboard.theme';

describe('Theme', () => {
  const systemDark = new BehaviorSubject(false);
  const classes = () => document.documentElement.classList;

  function create(): Theme {
    TestBed.configureTestingModule({
      providers: [
        {
          provide: BreakpointObserver,
          useValue: {
            observe: () =>
              systemDark.pipe(map((matches): BreakpointState => ({ matches, breakpoints: {} }))),
          },
        },
      ],
    });
    const theme = TestBed.inject(Theme);
    TestBed.tick();
    return theme;
  }

  beforeEach(() => {
    localStorage.removeItem(KEY);
    systemDark.next(false);
  });

  afterEach(() => {
    localStorage.removeItem(KEY);
    classes().remove('theme-light', 'theme-dark');
  });

  it('follows the system by default', () => {
    const theme = create();
    expect(theme.choice()).toBe('system');
    expect(theme.dark()).toBeFalse();
    systemDark.next(true);
    expect(theme.dark()).toBeTrue();
    expect(classes().contains('theme-dark')).toBeFalse();
  });

  it('pins a scheme with a class on <html> and keeps the choice for the next visit', () => {
    const theme = create();
    theme.choose('dark');
    TestBed.tick();
    expect(theme.dark()).toBeTrue();
    expect(classes().contains('theme-dark')).toBeTrue();
    expect(localStorage.getItem(KEY)).toBe('dark');

    theme.choose('light');
    systemDark.next(true);
    TestBed.tick();
    expect(theme.dark()).toBeFalse();
    expect(classes().contains('theme-light')).toBeTrue();
    expect(classes().contains('theme-dark')).toBeFalse();
  });

  it('starts from the stored choice, and ignores a stored value it does not know', () => {
    localStorage.setItem(KEY, 'dark');
    expect(create().choice()).toBe('dark');
    TestBed.resetTestingModule();
    localStorage.setItem(KEY, 'sepia');
    expect(create().choice()).toBe('system');
  });

  it('still switches when storage refuses to save', () => {
    spyOn(Storage.prototype, 'setItem').and.throwError('QuotaExceededError');
    const theme = create();
    theme.choose('dark');
    expect(theme.dark()).toBeTrue();
  });
});
