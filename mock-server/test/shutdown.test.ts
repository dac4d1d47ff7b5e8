import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { describe, it } from 'node:test';

import { eventually, login } from './helpers.ts';
import { SseStream } from './sse-client.ts';

const MAIN = join(import.meta.dirname, '../src/main.ts');

/** Starts the real CLI on a free port; resolves with its URL once it printed the listening line. */
async function startCli(): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, MOCK_METRICS_MS: '0' },
  });
  let output = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no listening line in: ${output}`)), 15_000);
    child.stdout!.on('data', () => {
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
  });
  return { child, url, output: () => output };
}

describe('the CLI process', () => {
  it(
    'logs streams and exits 0 on SIGTERM within 5 s, ending open streams',
    { timeout: 30_000 },
    async (t) => {
      const { child, url, output } = await startCli();
      // Whatever fails below, never leave the server running.
      t.after(() => void (child.exitCode === null && child.kill('SIGKILL')));
      const cookie = await login(url, 'alice');
      const stream = await SseStream.open(`${url}/api/events?topics=jobs,metrics`, cookie);
      await stream.waitFor((f) => f.length >= 2);
      // The log line travels through a pipe, independently of the stream's bytes.
      const opened = /stream #1 opened user=alice topics=jobs,metrics remote=127\.0\.0\.1:\d+/;
      await eventually(() => opened.test(output()));

      const startedAt = Date.now();
      child.kill('SIGTERM');
      // 'close', unlike 'exit', waits until the child's output has been read to the end.
      const [code] = (await once(child, 'close')) as [number | null];
      assert.equal(code, 0, output());
      assert.ok(Date.now() - startedAt < 5000, 'within 5 s');
      await stream.ended;
      assert.match(output(), /stream #1 closed after [\d.]+s \(server shutdown\) user=alice/);
      assert.match(output(), /stopped/);
    },
  );
});
