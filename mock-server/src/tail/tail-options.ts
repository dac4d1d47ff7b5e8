import { parseArgs } from 'node:util';

/** What `npm run tail -- <url> [flags]` was asked to do. */
export interface TailOptions {
  url: URL;
  user: string | undefined;
  lastEventId: string;
  comments: boolean;
}

/** A bad command line; main prints the message and the usage, and exits 2. */
export class TailUsageError extends Error {}

export const TAIL_USAGE = `Usage: npm run tail -- <url> [--user NAME] [--last-event-id ID] [--comments]
  <url>               an event stream, e.g. http://127.0.0.1:3000/api/events?topics=jobs
  --user NAME         sign in first (POST /api/session on the same origin)
  --last-event-id ID  resume from this id
  --comments          also print comment lines (heartbeats)`;

/**
 * Parses the tail client's arguments.
 *
 * @example
 * parseTailArgs(['http://127.0.0.1:3000/api/ticks']); // { url, user: undefined, ... }
 */
export function parseTailArgs(argv: string[]): TailOptions | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        user: { type: 'string' },
        'last-event-id': { type: 'string' },
        comments: { type: 'boolean' },
        help: { type: 'boolean' },
      },
    });
  } catch (error) {
    throw new TailUsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  if (positionals.length !== 1) throw new TailUsageError('give exactly one stream URL');
  const [text] = positionals;
  if (!URL.canParse(text) || !/^https?:$/.test(new URL(text).protocol)) {
    throw new TailUsageError(`not an http(s) URL: ${JSON.stringify(text)}`);
  }
  return {
    url: new URL(text),
    user: values.user,
    lastEventId: values['last-event-id'] ?? '',
    comments: values.comments ?? false,
  };
}
