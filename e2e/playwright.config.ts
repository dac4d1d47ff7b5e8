import { defineConfig, devices } from '@playwright/test';

import { chromiumLaunchOptions } from './chromium';

import { appPort, mockPort, prodPort } from './ports';

const ci = !!process.env['CI'];
const appOrigins = [`http://127.0.0.1:${appPort}`, `http://localhost:${appPort}`].join(',');

export default defineConfig({
  testDir: '.',
  outputDir: '../test-results',
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['html', { outputFolder: '../playwright-report', open: 'never' }]],
  use: {
    baseURL: `http://127.0.0.1:${appPort}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    ...devices['Desktop Chrome'],
    launchOptions: chromiumLaunchOptions,
  },
  webServer: [
    {
      // Short `retry:` and heartbeats keep fault scenarios quick; faults enable /api/faults and /api/load.
      // The app's origin is allow-listed (streams and writes check it); every test signs in, so
      // the per-address login limit is raised above what a full run needs.
      command: `node --import tsx mock-server/src/main.ts --port ${mockPort} --faults --retry-ms 500 --heartbeat-ms 1000 --cors-origins ${appOrigins} --logins-per-minute 1000`,
      cwd: '..',
      url: `http://127.0.0.1:${mockPort}/api/health`,
      reuseExistingServer: !ci,
      stdout: 'pipe',
      timeout: 30_000,
    },
    {
      // The built dashboard on the mock server's own origin (`npm run serve:prod`'s setup), under
      // its CSP (csp.spec.ts), with a history of 20 events per user, so a short absence outruns
      // replay (gap-recovery.spec.ts).
      command: `npx ng build dashboard && node --import tsx mock-server/src/main.ts --port ${prodPort} --faults --quiet --retry-ms 500 --heartbeat-ms 1000 --history 20 --logins-per-minute 1000 --static dist/dashboard/browser`,
      cwd: '..',
      env: { NG_CLI_ANALYTICS: 'false' },
      url: `http://127.0.0.1:${prodPort}/api/health`,
      reuseExistingServer: !ci,
      stdout: 'pipe',
      timeout: 300_000,
    },
    {
      command: `npx ng serve --port ${appPort} --host 127.0.0.1 --no-hmr`,
      cwd: '..',
      env: { MOCK_PORT: String(mockPort), NG_CLI_ANALYTICS: 'false' },
      url: `http://127.0.0.1:${appPort}`,
      reuseExistingServer: !ci,
      timeout: 240_000,
    },
  ],
});
