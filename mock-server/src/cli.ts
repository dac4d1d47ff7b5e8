import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

import { defaultOptions, type ServerOptions } from './options.ts';

/** A bad flag or environment variable; main prints its message as one line and exits 2. */
export class CliError extends Error {}

/** What `main.ts` needs to start: where to listen and how to build the server. */
export interface CliConfig {
  port: number;
  host: string;
  quiet: boolean;
  help: boolean;
  options: Partial<ServerOptions>;
}

type IntegerKey =
  | 'port'
  | 'heartbeatMs'
  | 'historySize'
  | 'retryMs'
  | 'maxStreamsPerUser'
  | 'maxBufferBytes'
  | 'metricsMs'
  | 'chatPerMinute'
  | 'sessionTtlMs'
  | 'maxSessions'
  | 'loginsPerMinute'
  | 'maxTicksPerAddress'
  | 'maxTicks';

interface IntegerFlag {
  key: IntegerKey;
  flag: string;
  min: number;
  max: number;
  help: string;
}

const HOUR_MS = 3_600_000;

/** Positional so the table below stays one line per flag. */
const integer = (...[key, flag, min, max, help]: [IntegerKey, string, number, number, string]) =>
  ({ key, flag, min, max, help }) satisfies IntegerFlag;

const INTEGER_FLAGS: IntegerFlag[] = [
  integer('port', 'port', 0, 65_535, '0 = any free port'),
  integer('heartbeatMs', 'heartbeat-ms', 0, HOUR_MS, 'heartbeat comment interval, 0 = off'),
  integer('historySize', 'history', 0, 100_000, 'events kept per user for replay'),
  integer('retryMs', 'retry-ms', 0, HOUR_MS, 'reconnect delay sent as `retry:`'),
  integer('maxStreamsPerUser', 'max-streams-per-user', 1, 1e6, 'concurrent streams before 429'),
  integer('maxBufferBytes', 'max-buffer-bytes', 1024, 2 ** 30, 'queued bytes before disconnect'),
  integer('metricsMs', 'metrics-ms', 0, HOUR_MS, 'broadcast metric interval, 0 = off'),
  integer('chatPerMinute', 'chat-per-minute', 1, 1e6, 'POST /api/chat per user and minute'),
  integer('sessionTtlMs', 'session-ttl-ms', 100, 7 * 24 * HOUR_MS, 'idle session lifetime'),
  integer('maxSessions', 'max-sessions', 1, 1e6, 'live sessions before logins get 503'),
  integer('loginsPerMinute', 'logins-per-minute', 1, 1e6, 'logins per client address and minute'),
  integer('maxTicksPerAddress', 'max-ticks-per-address', 1, 1e6, '/api/ticks streams per address'),
  integer('maxTicks', 'max-ticks', 1, 1e6, '/api/ticks streams in all'),
];

const DEFAULT_PORT = 3000;

const BOOLEAN_FLAGS = [
  { flag: 'faults', help: 'enable /api/faults, /api/load, /api/debug/{memory,stats}' },
  { flag: 'quiet', help: 'no per-stream log lines' },
];

const STRING_FLAGS = [
  { flag: 'host', help: 'interface to bind (default 127.0.0.1)' },
  { flag: 'cors-origins', help: `comma-separated (default ${defaultOptions.corsOrigins.join()})` },
  { flag: 'static', help: 'also serve this built SPA directory' },
];

/** Every flag has an environment twin: `--max-buffer-bytes` ↔ `MOCK_MAX_BUFFER_BYTES`. */
export function envName(flag: string): string {
  return `MOCK_${flag.toUpperCase().replaceAll('-', '_')}`;
}

/** Usage text for `--help`, generated from the same tables the parser uses. */
export function usage(): string {
  const rows = [
    ...INTEGER_FLAGS.map((f) => {
      const fallback = f.key === 'port' ? DEFAULT_PORT : defaultOptions[f.key];
      return [f.flag, ' N', `${f.help} (default ${fallback})`];
    }),
    ...BOOLEAN_FLAGS.map((f) => [f.flag, '', f.help]),
    ...STRING_FLAGS.map((f) => [f.flag, ' VALUE', f.help]),
  ];
  const lines = rows.map(([flag, arg, help]) => {
    const env = arg ? envName(flag) : `${envName(flag)}=1`;
    return `  ${`--${flag}${arg}`.padEnd(28)}${env.padEnd(28)}${help}`;
  });
  return ['Usage: mock-server [flags]   (flags win over environment variables)', ...lines].join(
    '\n',
  );
}

/** Parses argv and the environment into a start-up config; throws CliError on bad input. */
export function parseCli(argv: string[], env: NodeJS.ProcessEnv): CliConfig {
  const values = parseFlags(argv);
  const raw = (flag: string): [text: string, source: string] | undefined => {
    const fromFlag = values[flag];
    if (typeof fromFlag === 'string') return [fromFlag, `--${flag}`];
    const fromEnv = env[envName(flag)];
    return fromEnv === undefined ? undefined : [fromEnv, envName(flag)];
  };

  const integers: Partial<Record<IntegerKey, number>> = {};
  for (const f of INTEGER_FLAGS) {
    const given = raw(f.flag);
    if (given) integers[f.key] = parseInteger(...given, f.min, f.max);
  }
  const bool = (flag: string) =>
    values[flag] === true || parseBoolean(env[envName(flag)], envName(flag));
  const origins = raw('cors-origins');
  const staticDir = raw('static');
  const { port, ...serverIntegers } = integers;

  return {
    port: port ?? DEFAULT_PORT,
    host: raw('host')?.[0] ?? '127.0.0.1',
    quiet: bool('quiet'),
    help: values['help'] === true,
    options: {
      ...serverIntegers,
      faults: bool('faults'),
      ...(origins && { corsOrigins: parseOrigins(...origins) }),
      ...(staticDir && { staticDir: parseStaticDir(...staticDir) }),
    },
  };
}

function parseFlags(argv: string[]): Record<string, string | boolean | undefined> {
  const options: Record<string, { type: 'string' | 'boolean' }> = { help: { type: 'boolean' } };
  for (const f of [...INTEGER_FLAGS, ...STRING_FLAGS]) options[f.flag] = { type: 'string' };
  for (const f of BOOLEAN_FLAGS) options[f.flag] = { type: 'boolean' };
  try {
    return parseArgs({ args: argv, options, strict: true }).values;
  } catch (error) {
    throw new CliError((error as Error).message);
  }
}

function parseInteger(text: string, source: string, min: number, max: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || value < min || value > max) {
    throw new CliError(`${source} must be an integer ${min}-${max}, got ${JSON.stringify(text)}`);
  }
  return value;
}

function parseBoolean(text: string | undefined, source: string): boolean {
  if (text === undefined || /^(0|false|no|)$/i.test(text)) return false;
  if (/^(1|true|yes)$/i.test(text)) return true;
  throw new CliError(`${source} must be 1/true/yes or 0/false/no, got ${JSON.stringify(text)}`);
}

function parseOrigins(text: string, source: string): string[] {
  const origins = text
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  for (const origin of origins) {
    if (origin === '*') {
      throw new CliError(`${source} cannot contain '*': credentials are allowed, list origins`);
    }
    if (!URL.canParse(origin) || new URL(origin).origin !== origin) {
      throw new CliError(
        `${source}: ${JSON.stringify(origin)} is not an origin like http://host:port`,
      );
    }
  }
  return origins;
}

function parseStaticDir(text: string, source: string): string {
  const dir = resolve(text);
  if (!existsSync(join(dir, 'index.html'))) {
    throw new CliError(`${source}: no index.html in ${dir} (build the app first)`);
  }
  return dir;
}
