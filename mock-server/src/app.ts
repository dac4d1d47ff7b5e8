import Fastify, { type FastifyInstance } from 'fastify';

import { formatEvent } from './sse.ts';

export interface ServerOptions {
  /** Milliseconds between two `tick` events of `/api/ticks`. */
  tickMs: number;
  logger: boolean;
}

export const defaultOptions: ServerOptions = { tickMs: 1000, logger: false };

/** Builds the mock SSE server without listening, so tests can bind it to an ephemeral port. */
export function buildServer(overrides: Partial<ServerOptions> = {}): FastifyInstance {
  const options = { ...defaultOptions, ...overrides };
  const app = Fastify({ logger: options.logger });

  app.get('/api/health', async () => ({
    status: 'ok',
    uptimeMs: Math.round(process.uptime() * 1000),
  }));

  app.get('/api/ticks', (request, reply) => {
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      'X-Accel-Buffering': 'no',
      Connection: 'keep-alive',
    });
    let n = 0;
    const send = () =>
      res.write(
        formatEvent({ event: 'tick', id: ++n, data: JSON.stringify({ n, at: Date.now() }) }),
      );
    send();
    const timer = setInterval(send, options.tickMs);
    request.raw.on('close', () => clearInterval(timer));
  });

  return app;
}
