import type { FastifyInstance } from 'fastify';

import { buildServer, type ServerOptions } from '../src/app.ts';

/** Starts a real server on an ephemeral loopback port; returns its base URL and a stop function. */
export async function startServer(
  options: Partial<ServerOptions> = {},
): Promise<{ url: string; app: FastifyInstance; stop: () => Promise<void> }> {
  const app = buildServer(options);
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return { url, app, stop: () => app.close() };
}

/** Reads a streamed body until `done(text)` holds, then aborts the request. */
export async function readStreamUntil(
  response: Response,
  done: (text: string) => boolean,
  controller: AbortController,
): Promise<string> {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let text = '';
  while (!done(text)) {
    const { value, done: ended } = await reader.read();
    if (ended) break;
    text += value;
  }
  controller.abort();
  return text;
}
