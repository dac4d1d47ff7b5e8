import type { FastifyInstance } from 'fastify';

import { currentUser, type ServerContext } from '../context.ts';
import { badRequest } from '../errors.ts';
import { LOAD_LIMITS, type LoadRequest, MAX_LOAD_SECONDS } from '../load.ts';
import { makeNotification } from '../events.ts';

import type { FaultRequest } from '../wire.ts';

const count = { type: 'integer', minimum: 1, maximum: 1000 };

// `discriminator` makes Ajv validate only the branch `kind` selects, so errors name the
// field of that branch (or `kind` itself) instead of "must match one schema in oneOf". Each
// branch lists its own fields and refuses others, so `{ kind: 'drop', count: 5 }` is a 400.
const faultSchema = {
  body: {
    type: 'object',
    required: ['kind'],
    // Checked before the discriminator, so an unknown kind gets a message listing the known ones.
    properties: {
      kind: { type: 'string', enum: ['drop', 'stall', 'status', 'bad-mime', 'no-content'] },
    },
    discriminator: { propertyName: 'kind' },
    oneOf: [
      { properties: { kind: { const: 'drop' } }, additionalProperties: false },
      {
        properties: {
          kind: { const: 'stall' },
          ms: { type: 'integer', minimum: 1, maximum: 60_000 },
        },
        required: ['ms'],
        additionalProperties: false,
      },
      {
        properties: {
          kind: { const: 'status' },
          status: { type: 'integer', minimum: 400, maximum: 599 },
          count,
        },
        required: ['status'],
        additionalProperties: false,
      },
      { properties: { kind: { const: 'bad-mime' }, count }, additionalProperties: false },
      { properties: { kind: { const: 'no-content' } }, additionalProperties: false },
    ],
  },
};

const loadSchema = {
  body: {
    type: 'object',
    required: ['event', 'count', 'ratePerSec'],
    additionalProperties: false,
    properties: {
      event: { type: 'string', enum: ['metric', 'notification'] },
      count: { type: 'integer', minimum: 1, maximum: LOAD_LIMITS.count },
      ratePerSec: { type: 'number', minimum: 1, maximum: LOAD_LIMITS.ratePerSec },
      broadcast: { type: 'boolean', default: false },
    },
  },
};

/** Fault injection, load generation and memory probing; registered only with `--faults`. */
export function faultRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { streams, hub, loads } = ctx;

  app.post<{ Body: FaultRequest }>('/api/faults', { schema: faultSchema }, async (request) => {
    const { session, state } = currentUser(ctx, request);
    const fault = request.body;
    switch (fault.kind) {
      case 'drop':
        return { ...fault, streams: streams.endUser(session.username, 'fault: drop') };
      case 'stall': {
        const own = [...streams.ofUser(session.username)];
        for (const connection of own) connection.stall(fault.ms);
        return { ...fault, streams: own.length };
      }
      default: {
        // Armed, then the open streams end, so the client's reconnect meets the fault at once.
        const armed = fault.kind === 'no-content' ? 1 : (fault.count ?? 1);
        state.faults.arm(fault, armed);
        const ended = streams.endUser(session.username, `fault: ${fault.kind}`);
        return { ...fault, count: armed, streams: ended };
      }
    }
  });

  app.post<{ Body: LoadRequest }>('/api/load', { schema: loadSchema }, async (request, reply) => {
    const { session } = currentUser(ctx, request);
    const { event, count, ratePerSec, broadcast = false } = request.body;
    if (count / ratePerSec > MAX_LOAD_SECONDS) {
      throw badRequest(
        'count',
        `${count} events at ${ratePerSec}/s would take ${Math.ceil(count / ratePerSec)} s; at most ${MAX_LOAD_SECONDS} s`,
      );
    }
    const to = broadcast ? null : session.username;
    const etaMs = loads.start(session.token, count, ratePerSec, (seq) => {
      if (event === 'metric') {
        // `at` is the send time, so receivers can compute delivery latency.
        hub.publish(to, 'metric', { name: 'load', value: seq, at: Date.now() });
      } else {
        hub.publish(to, 'notification', makeNotification('INFO', `load ${seq}/${count}`, ''));
      }
    });
    return reply.code(202).send({ event, count, ratePerSec, broadcast, etaMs });
  });

  app.get('/api/debug/memory', async () => {
    // Collecting first makes heapUsed comparable between calls (needs node --expose-gc).
    globalThis.gc?.();
    const { rss, heapUsed } = process.memoryUsage();
    return { rss, heapUsed, gcExposed: typeof globalThis.gc === 'function' };
  });
}
