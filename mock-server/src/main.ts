import { parseArgs } from 'node:util';

import { buildServer } from './app.ts';

const options = {
  port: { type: 'string', default: process.env['MOCK_PORT'] ?? '3000' },
  host: { type: 'string', default: process.env['MOCK_HOST'] ?? '127.0.0.1' },
} as const;

function fail(message: string): never {
  console.error(`mock-server: ${message}`);
  process.exit(2);
}

let values: { port: string; host: string };
try {
  ({ values } = parseArgs({ options }));
} catch (error) {
  fail((error as Error).message);
}

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(
    `mock-server: --port must be an integer 0-65535, got ${JSON.stringify(values.port)}`,
  );
  process.exit(2);
}

const app = buildServer();
const address = await app.listen({ port, host: values.host });
console.log(`mock-server listening on ${address}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void app.close().then(() => process.exit(0));
  });
}
