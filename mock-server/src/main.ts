import { buildServer } from './app.ts';
import { CliError, parseCli, usage, type CliConfig } from './cli.ts';

/** Past this, shutdown gives up waiting for in-flight requests. */
const SHUTDOWN_TIMEOUT_MS = 4500;

let config: CliConfig;
try {
  config = parseCli(process.argv.slice(2), process.env);
} catch (error) {
  if (!(error instanceof CliError)) throw error;
  console.error(`mock-server: ${error.message} (see --help)`);
  process.exit(2);
}
if (config.help) {
  console.log(usage());
  process.exit(0);
}

const log = (line: string) => console.log(`mock-server: ${line}`);
const app = buildServer({ ...config.options, log: config.quiet ? () => undefined : log });
let address: string;
try {
  address = await app.listen({ port: config.port, host: config.host });
} catch (error) {
  console.error(
    `mock-server: cannot listen on ${config.host}:${config.port}: ${(error as Error).message}`,
  );
  process.exit(1);
}
const { faults, staticDir } = config.options;
log(
  `listening on ${address}${faults ? ' (faults on)' : ''}${staticDir ? `, serving ${staticDir}` : ''}`,
);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    // A second Ctrl-C means "now".
    if (stopping) process.exit(1);
    stopping = true;
    log(`${signal}: closing streams, finishing in-flight requests`);
    setTimeout(() => {
      log(`shutdown still waiting after ${SHUTDOWN_TIMEOUT_MS} ms, forcing exit`);
      process.exit(1);
    }, SHUTDOWN_TIMEOUT_MS).unref();
    void app.close().then(() => {
      log('stopped');
      process.exit(0);
    });
  });
}
