import type { FastifyInstance } from 'fastify';

import { buildServer } from '../src/app.ts';
import type { ServerOptions } from '../src/options.ts';
import type { DebugStats, Health } from '../src/wire.ts';

export type Server = Awaited<ReturnType<typeof startServer>>;

/**
 * Starts a real server on an ephemeral loopback port; returns its base URL and a stop function.
 * The background metric series is off unless a test asks for it, so streams carry only what
 * the test itself causes.
 */
export async function startServer(options: Partial<ServerOptions> = {}): Promise<{
  url: string;
  app: FastifyInstance;
  epoch: () => Promise<string>;
  stop: () => Promise<void>;
}> {
  const app = buildServer({ metricsMs: 0, ...options });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return { url, app, epoch: () => epochOf(url), stop: () => app.close() };
}

/** The sequence part of an event id `<epoch>-<seq>`. */
export function seqOf(id: string): number {
  return Number(id.split('-')[1]);
}

/** A run's epoch, the first part of its event ids, as the health endpoint reports it. */
async function epochOf(base: string): Promise<string> {
  return ((await call(`${base}/api/health`)).body as Health).epoch;
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

export interface CallOptions {
  method?: string;
  cookie?: string;
  json?: unknown;
  headers?: Record<string, string>;
}

export interface CallResult {
  status: number;
  headers: Headers;
  body: unknown;
}

/** One JSON API call; the body is parsed when the response is JSON. */
export async function call(url: string, options: CallOptions = {}): Promise<CallResult> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.cookie) headers['cookie'] = options.cookie;
  if (options.json !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(url, {
    method: options.method ?? (options.json === undefined ? 'GET' : 'POST'),
    headers,
    body: options.json === undefined ? undefined : JSON.stringify(options.json),
  });
  const text = await response.text();
  const isJson = response.headers.get('content-type')?.includes('application/json');
  return {
    status: response.status,
    headers: response.headers,
    body: isJson ? JSON.parse(text) : text,
  };
}

/** Logs in and returns the `name=value` cookie to send back. */
export async function login(base: string, username: string): Promise<string> {
  const response = await fetch(`${base}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username }),
  });
  if (response.status !== 200) throw new Error(`login failed: ${response.status}`);
  return response.headers.getSetCookie()[0].split(';')[0];
}

/** Polls `check` until it returns a truthy value or `timeoutMs` passes (then throws). */
export async function eventually<T>(check: () => Promise<T> | T, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await delay(25);
  }
}

/** Resolves after `ms`. */
export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Per-user counts from `/api/debug/stats` (the server needs `faults: true`). */
export async function statsOf(
  base: string,
  user: string,
): Promise<{ streams: number; chatRequests: number }> {
  const { status, body } = await call(`${base}/api/debug/stats`);
  if (status !== 200) throw new Error(`/api/debug/stats answered ${status}: start with faults`);
  return (body as DebugStats).users[user] ?? { streams: 0, chatRequests: 0 };
}

/** The open-stream count of one user. */
export async function streamsOf(base: string, user: string): Promise<number> {
  return (await statsOf(base, user)).streams;
}
