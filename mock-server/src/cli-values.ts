import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** A bad flag or environment variable; main prints its message as one line and exits 2. */
export class CliError extends Error {}

/** A whole number within bounds, or a CliError naming the flag or variable it came from. */
export function parseInteger(text: string, source: string, min: number, max: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || value < min || value > max) {
    throw new CliError(`${source} must be an integer ${min}-${max}, got ${JSON.stringify(text)}`);
  }
  return value;
}

/** An environment switch: 1/true/yes or 0/false/no (or unset), else a CliError. */
export function parseBoolean(text: string | undefined, source: string): boolean {
  if (text === undefined || /^(0|false|no|)$/i.test(text)) return false;
  if (/^(1|true|yes)$/i.test(text)) return true;
  throw new CliError(`${source} must be 1/true/yes or 0/false/no, got ${JSON.stringify(text)}`);
}

/** A comma-separated list of exact origins; `*` is refused, since credentials are allowed. */
export function parseOrigins(text: string, source: string): string[] {
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

/** An absolute directory holding an `index.html`, else a CliError. */
export function parseStaticDir(text: string, source: string): string {
  const dir = resolve(text);
  if (!existsSync(join(dir, 'index.html'))) {
    throw new CliError(`${source}: no index.html in ${dir} (build the app first)`);
  }
  return dir;
}
