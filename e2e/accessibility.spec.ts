import AxeBuilder from '@axe-core/playwright';

import { expect, signIn, test } from './fixtures';

const ROUTES = ['/', '/notifications', '/jobs', '/diagnostics'];

test('11. every route: a screenshot, and no serious or critical axe violations', async ({
  page,
  user,
}, testInfo) => {
  const scan = async (name: string) => {
    await testInfo.attach(`${name}.png`, {
      body: await page.screenshot({ fullPage: true }),
      contentType: 'image/png',
    });
    const { violations } = await new AxeBuilder({ page }).analyze();
    const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(
      serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
      name,
    ).toEqual([]);
  };

  await page.goto('/login');
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await scan('login');
  await signIn(page, user);
  for (const route of ROUTES) {
    await page.goto(route);
    await expect(page.locator('main')).not.toBeEmpty();
    await page.waitForTimeout(500);
    await scan(route === '/' ? 'overview' : route.slice(1));
  }
});
