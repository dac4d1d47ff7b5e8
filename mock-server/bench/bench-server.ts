/**
 * Orchestrates the server benchmark: starts the mock server and, in a separate process, the
 * clients (so neither steals the other's event loop), relays the clients' report, and makes
 * sure both processes are gone within a fixed deadline whatever happens.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    clients: { type: 'string', default: '2000' },
    rate: { type: 'string', default: '10' },
    'fd-limit': { type: 'string', default: '1024' },
  },
});
const clients = Number(values.clients);
const rate = Number(values.rate);
const fdLimit = Number(values['fd-limit']);
if (!Number.isInteger(clients) || clients < 1 || clients > 50_000) {
  fail(`--clients must be an integer 1-50000, got ${values.clients}`);
}
if (!Number.isInteger(rate) || rate < 1 || rate > 1000) {
  fail(`--rate must be an integer 1-1000, got ${values.rate}`);
}
// Each process needs one descriptor per stream plus a margin for its own files and pipes.
if (clients + 200 > fdLimit) {
  fail(`--clients ${clients} needs an open-file limit over ${clients + 200}; it is ${fdLimit}`);
}

const DEADLINE_MS = 300_000;
const node = (args: string[]) =>
  spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });

const server = node([
  '--expose-gc',
  '--import',
  'tsx',
  'mock-server/src/main.ts',
  ...['--port', '0', '--host', '127.0.0.1', '--faults', '--quiet'],
  ...['--heartbeat-ms', '0', '--metrics-ms', '0'],
  // Room for every client's stream, whatever --clients says: the caps are not what is measured.
  ...['--max-streams-per-user', String(clients), '--max-streams', String(clients)],
]);
const deadline = setTimeout(() => {
  console.error(`bench: still running after ${DEADLINE_MS / 1000} s, giving up`);
  stop(server);
  process.exit(1);
}, DEADLINE_MS);

const url = await listeningUrl(server);
const client = node([
  '--import',
  'tsx',
  'mock-server/bench/bench-clients.ts',
  ...['--url', url, '--clients', String(clients), '--rate', String(rate)],
]);
client.stdout!.pipe(process.stdout);
const [code] = (await once(client, 'exit')) as [number | null];
await stop(server);
clearTimeout(deadline);
process.exit(code ?? 1);

/** Resolves with the server's URL from its listening line; keeps draining its output after. */
function listeningUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) resolve(match[1]);
    });
    child.once('exit', () => reject(new Error(`the server exited before listening: ${output}`)));
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  child.kill('SIGTERM');
  await once(child, 'exit');
}

function fail(message: string): never {
  console.error(`bench: ${message}`);
  process.exit(2);
}
