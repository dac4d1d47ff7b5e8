// Shared by bench:ui and docs:screenshots: the production dashboard served by the mock server
// on one loopback port, and Debian's Chromium.
import { chromium, type Browser } from '@playwright/test';
import { type ChildProcess, spawn } from 'node:child_process';

import { chromiumLaunchOptions } from '../../e2e/chromium';

export interface ServedApp {
  base: string;
  stop(): void;
}

/** Starts the mock server with `--faults --static dist/dashboard/browser` and waits for it. */
export async function serveBuiltApp(port: number, extraArgs: string[] = []): Promise<ServedApp> {
  const args = [
    '--import',
    'tsx',
    'mock-server/src/main.ts',
    '--port',
    String(port),
    '--faults',
    '--quiet',
  ];
  const server = spawn(
    process.execPath,
    [...args, '--static', 'dist/dashboard/browser', ...extraArgs],
    {
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  const base = `http://127.0.0.1:${port}`;
  await waitForHealth(server, base);
  return { base, stop: () => server.kill('SIGTERM') };
}

async function waitForHealth(server: ChildProcess, base: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (server.exitCode !== null) throw new Error('the mock server exited');
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the mock server did not start');
}

/** Headless Debian Chromium with the flags that work on these machines. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch(chromiumLaunchOptions);
}
