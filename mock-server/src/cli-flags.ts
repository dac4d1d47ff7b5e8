/**
 * The mock server's flags, one table row each: `parseCli` parses them and `usage` lists them
 * from these same tables, so the help text cannot drift from what is accepted.
 */
import { defaultOptions } from './options.ts';

/** The server options an integer flag sets (and `port`, which is the CLI's own). */
export type IntegerKey =
  | 'port'
  | 'heartbeatMs'
  | 'historySize'
  | 'retryMs'
  | 'maxStreamsPerUser'
  | 'maxStreamsPerSession'
  | 'maxStreams'
  | 'maxBufferBytes'
  | 'metricsMs'
  | 'chatPerMinute'
  | 'sessionTtlMs'
  | 'maxSessions'
  | 'loginsPerMinute'
  | 'maxTicksPerAddress'
  | 'maxTicks'
  | 'maxLoadsPerSession'
  | 'maxLoads'
  | 'requestTimeoutMs';

export interface IntegerFlag {
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

export const INTEGER_FLAGS: IntegerFlag[] = [
  integer('port', 'port', 0, 65_535, '0 = any free port'),
  integer('heartbeatMs', 'heartbeat-ms', 0, HOUR_MS, 'heartbeat comment interval, 0 = off'),
  integer('historySize', 'history', 0, 100_000, 'events kept per user for replay'),
  integer('retryMs', 'retry-ms', 0, HOUR_MS, 'reconnect delay sent as `retry:`'),
  integer('maxStreamsPerUser', 'max-streams-per-user', 1, 1e6, '/api/events streams before 429'),
  integer(
    'maxStreamsPerSession',
    'max-streams-per-session',
    1,
    1e6,
    'events + chat streams per session before 429',
  ),
  integer('maxStreams', 'max-streams', 1, 1e6, 'SSE streams in all before 503'),
  integer('maxBufferBytes', 'max-buffer-bytes', 1024, 2 ** 30, 'queued bytes before disconnect'),
  integer('metricsMs', 'metrics-ms', 0, HOUR_MS, 'broadcast metric interval, 0 = off'),
  integer('chatPerMinute', 'chat-per-minute', 1, 1e6, 'POST /api/chat per user and minute'),
  integer('sessionTtlMs', 'session-ttl-ms', 100, 7 * 24 * HOUR_MS, 'idle session lifetime'),
  integer('maxSessions', 'max-sessions', 1, 1e6, 'live sessions before logins get 503'),
  integer('loginsPerMinute', 'logins-per-minute', 1, 1e6, 'logins per client address and minute'),
  integer('maxTicksPerAddress', 'max-ticks-per-address', 1, 1e6, '/api/ticks streams per address'),
  integer('maxTicks', 'max-ticks', 1, 1e6, '/api/ticks streams in all'),
  integer('maxLoadsPerSession', 'max-loads-per-session', 1, 1000, '/api/load runs per session'),
  integer('maxLoads', 'max-loads', 1, 1000, '/api/load runs at once in all'),
  integer(
    'requestTimeoutMs',
    'request-timeout-ms',
    100,
    HOUR_MS,
    'time for a request to arrive (408)',
  ),
];

export const DEFAULT_PORT = 3000;

export const BOOLEAN_FLAGS = [
  { flag: 'faults', help: 'enable /api/faults, /api/load, /api/debug/{memory,stats}' },
  { flag: 'quiet', help: 'no per-stream log lines' },
];

export const STRING_FLAGS = [
  { flag: 'host', help: 'interface to bind (default 127.0.0.1)' },
  { flag: 'cors-origins', help: `comma-separated (default ${defaultOptions.corsOrigins.join()})` },
  { flag: 'static', help: 'also serve this built SPA directory' },
];
