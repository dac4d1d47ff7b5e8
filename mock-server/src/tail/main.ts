import { tail, TailStop } from './tail-client.ts';
import { parseTailArgs, TAIL_USAGE, TailUsageError } from './tail-options.ts';

const controller = new AbortController();
process.on('SIGINT', () => controller.abort());
process.on('SIGTERM', () => controller.abort());

try {
  const options = parseTailArgs(process.argv.slice(2));
  if (options === 'help') {
    console.log(TAIL_USAGE);
  } else {
    await tail(
      options,
      { out: (line) => console.log(line), log: (line) => console.error(`tail: ${line}`) },
      controller.signal,
    );
  }
} catch (error) {
  if (controller.signal.aborted) process.exit(0);
  if (error instanceof TailUsageError) {
    console.error(`tail: ${error.message}\n${TAIL_USAGE}`);
    process.exit(2);
  }
  if (error instanceof TailStop) {
    console.error(`tail: ${error.message}`);
    process.exit(error.exitCode);
  }
  throw error;
}
