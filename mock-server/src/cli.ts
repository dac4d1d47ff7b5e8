import { parseArgs } from 'node:util';

import {
  BOOLEAN_FLAGS,
  DEFAULT_PORT,
  INTEGER_FLAGS,
  STRING_FLAGS,
  type IntegerKey,
} from './cli-flags.ts';
import {
  CliError,
  parseBoolean,
  parseInteger,
  parseOrigins,
  parseStaticDir,
} from './cli-values.ts';
import { defaultOptions, type ServerOptions } from './options.ts';

export { CliError };

/** What `main.ts` needs to start: where to listen and how to build the server. */
export interface CliConfig {
  port: number;
  host: string;
  quiet: boolean;
  help: boolean;
  options: Partial<ServerOptions>;
}

/** Every flag has an environment twin: `--max-buffer-bytes` ↔ `MOCK_MAX_BUFFER_BYTES`. */
export function envName(flag: string): string {
  return `MOCK_${flag.toUpperCase().replaceAll('-', '_')}`;
}

/** Usage text for `--help`, generated from the same tables the parser uses. */
export function usage(): string {
  const rows = [
    ...INTEGER_FLAGS.map((f) => {
      // The one option without a number of its own: it follows the per-user cap.
      const fallback =
        f.key === 'port' ? DEFAULT_PORT : (defaultOptions[f.key] ?? 'as --max-streams-per-user');
      return [f.flag, ' N', `${f.help} (default ${fallback})`];
    }),
    ...BOOLEAN_FLAGS.map((f) => [f.flag, '', f.help]),
    ...STRING_FLAGS.map((f) => [f.flag, ' VALUE', f.help]),
  ];
  const lines = rows.map(([flag, arg, help]) => {
    const env = arg ? envName(flag) : `${envName(flag)}=1`;
    return `  ${`--${flag}${arg}`.padEnd(28)}${env.padEnd(30)}${help}`;
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
    // parseArgs spreads some messages (`--max-streams -1`: "ambiguous") over lines; ours are one.
    throw new CliError((error as Error).message.replace(/\s*\n\s*/g, ' '));
  }
}
