import type { LaunchOptions } from '@playwright/test';

/**
 * Debian's Chromium, as e2e and the browser scripts launch it: no browser download works on
 * these machines, and it runs as root in CI (no sandbox).
 */
export const chromiumLaunchOptions: LaunchOptions = {
  executablePath: process.env['CHROME_BIN'] ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
  ],
};
