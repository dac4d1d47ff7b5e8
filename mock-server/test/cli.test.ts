import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';

import { envName, parseCli, usage } from '../src/cli.ts';
import { defaultOptions } from '../src/options.ts';

const MAIN = join(import.meta.dirname, '../src/main.ts');

describe('command line and environment', () => {
  it('uses the documented defaults', () => {
    const config = parseCli([], {});
    assert.equal(config.port, 3000);
    assert.equal(config.host, '127.0.0.1');
    assert.equal(config.quiet, false);
    assert.equal(config.options.faults, false);
    assert.equal(config.options.heartbeatMs, undefined, 'unset flags leave server defaults');
    assert.deepEqual(defaultOptions.corsOrigins, [
      'http://localhost:4200',
      'http://127.0.0.1:4200',
    ]);
  });

  it('reads every flag', () => {
    const config = parseCli(
      '--port 0 --faults --heartbeat-ms 50 --history 5 --retry-ms 100 --max-streams-per-user 9 --max-buffer-bytes 4096 --metrics-ms 0 --quiet --cors-origins http://a.test,http://b.test:8080'.split(
        ' ',
      ),
      {},
    );
    assert.equal(config.port, 0);
    assert.equal(config.quiet, true);
    assert.deepEqual(config.options, {
      faults: true,
      heartbeatMs: 50,
      historySize: 5,
      retryMs: 100,
      maxStreamsPerUser: 9,
      maxBufferBytes: 4096,
      metricsMs: 0,
      corsOrigins: ['http://a.test', 'http://b.test:8080'],
    });
  });

  it('sets the time a request may take to arrive', () => {
    assert.equal(parseCli(['--request-timeout-ms', '2500'], {}).options.requestTimeoutMs, 2500);
    assert.equal(parseCli([], { MOCK_REQUEST_TIMEOUT_MS: '800' }).options.requestTimeoutMs, 800);
    assert.throws(() => parseCli(['--request-timeout-ms', '0'], {}), /--request-timeout-ms/);
  });

  it('reads MOCK_* environment variables, and flags win over them', () => {
    const env = { MOCK_PORT: '4000', MOCK_FAULTS: '1', MOCK_HEARTBEAT_MS: '10', MOCK_HISTORY: '7' };
    const config = parseCli(['--history', '8'], env);
    assert.equal(config.port, 4000);
    assert.equal(config.options.faults, true);
    assert.equal(config.options.heartbeatMs, 10);
    assert.equal(config.options.historySize, 8);
    assert.equal(envName('max-streams-per-user'), 'MOCK_MAX_STREAMS_PER_USER');
  });

  it('names the flag or variable in one-line errors', () => {
    const cases: [string[], Record<string, string>, RegExp][] = [
      [['--port', 'x'], {}, /^--port must be an integer 0-65535, got "x"$/],
      [[], { MOCK_RETRY_MS: '-1' }, /^MOCK_RETRY_MS must be an integer/],
      [[], { MOCK_FAULTS: 'maybe' }, /^MOCK_FAULTS must be 1\/true\/yes/],
      [['--bogus'], {}, /Unknown option '--bogus'/],
      [['--cors-origins', '*'], {}, /cannot contain '\*'/],
      [['--cors-origins', 'http://a.test/path'], {}, /is not an origin/],
      [['--static', tmpdir()], {}, /^--static: no index.html in /],
    ];
    for (const [argv, env, pattern] of cases) {
      assert.throws(() => parseCli(argv, env), { message: pattern });
    }
  });

  it('accepts a --static directory that holds index.html', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mock-static-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html>');
    assert.equal(parseCli(['--static', dir], {}).options.staticDir, dir);
  });

  it('lists every flag with its variable in --help', () => {
    const text = usage();
    for (const flag of ['--port N', '--heartbeat-ms N', '--faults', '--static VALUE']) {
      assert.ok(text.includes(flag), flag);
    }
    assert.match(text, /MOCK_CORS_ORIGINS/);
  });

  it('exits 2 with a single-line error on a bad flag', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', MAIN, '--heartbeat-ms', 'soon'], {
      encoding: 'utf8',
      timeout: 15_000,
    });
    assert.equal(run.status, 2);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /^mock-server: --heartbeat-ms must be an integer .*\n$/);
  });
});
