import { expect, signIn, test } from './fixtures';

const ROUTES = ['/', '/notifications', '/jobs', '/assistant', '/diagnostics'];
/** The smallest target a finger hits reliably (WCAG 2.5.5, Apple's and Material's guidance). */
const MIN_PX = 44;

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

test(`on a touch phone every control on every page is at least ${MIN_PX} px both ways`, async ({
  page,
  user,
}) => {
  await page.goto('/login');
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  const pages = new Map<string, string[]>();
  pages.set('/login', await smallTargets());
  await signIn(page, user);
  for (const route of ROUTES) {
    await page.goto(route);
    await expect(page.locator('main h2')).toBeVisible();
    pages.set(route, await smallTargets());
  }
  const none = Object.fromEntries(['/login', ...ROUTES].map((route) => [route, []]));
  expect(Object.fromEntries(pages)).toEqual(none);

  /** Visible controls smaller than MIN_PX, counting Material's invisible touch targets. */
  function smallTargets(): Promise<string[]> {
    return page.evaluate((min) => {
      const controls = document.querySelectorAll<HTMLElement>(
        'button, a[href], select, textarea, input:not([type=checkbox]):not([type=radio]), [role=button]',
      );
      return [...controls].flatMap((control) => {
        const box = control.getBoundingClientRect();
        // Form fields are the whole outlined box; checkboxes count their touch target.
        if (!box.width || control.closest('.mat-mdc-form-field, [aria-hidden="true"]')) return [];
        const touch = control
          .querySelector(':scope > .mat-mdc-button-touch-target')
          ?.getBoundingClientRect();
        const width = Math.max(box.width, touch?.width ?? 0);
        const height = Math.max(box.height, touch?.height ?? 0);
        const name = control.getAttribute('aria-label') ?? control.textContent?.trim();
        return width < min || height < min
          ? [`${name} ${Math.round(width)}×${Math.round(height)}`]
          : [];
      });
    }, MIN_PX);
  }
});
