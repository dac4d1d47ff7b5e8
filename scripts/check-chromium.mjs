// Fails fast, before any test layer, when no Chromium is available for Karma and Playwright.
import { accessSync, constants } from 'node:fs';

const bin = process.env.CHROME_BIN || '/usr/bin/chromium';
try {
  accessSync(bin, constants.X_OK);
} catch {
  console.error(`No Chromium found at ${bin}. Karma and Playwright need Debian's Chromium:

    sudo apt-get update && sudo apt-get install -y chromium

or point CHROME_BIN at another Chromium/Chrome binary.`);
  process.exit(1);
}
