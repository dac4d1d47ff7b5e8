import { type Page } from '@playwright/test';

import { expect, signIn, test, visit } from './fixtures';
import { prodPort } from './ports';

// The production build served by the mock server's `--static` (a webServer of the config),
// which sends the Content-Security-Policy with every page and file.
test.use({ baseURL: `http://127.0.0.1:${prodPort}` });

/** Records every CSP violation the page reports, from the console and from the DOM event. */
async function recordViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  await page.exposeFunction('reportCspViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { reportCspViolation(text: string): void })
        .reportCspViolation;
      report(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`);
    });
  });
  return violations;
}

test('the production dashboard runs under its CSP on every page', async ({ page, user }) => {
  const violations = await recordViolations(page);
  const response = await page.goto('/login');
  const csp = response?.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  await signIn(page, user);
  for (const path of ['/', '/notifications', '/jobs', '/diagnostics']) {
    await visit(page, path);
    await expect(page.getByRole('main')).toBeVisible();
  }
  expect(violations).toEqual([]);
});
