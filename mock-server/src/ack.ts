import { randomUUID } from 'node:crypto';

import type { FastifyReply, FastifyRequest } from 'fastify';

import type { Ack } from './wire.ts';
import type { Hub } from './hub.ts';

/** Header schema of creating routes: an optional client-chosen correlation id. */
export const REQUEST_ID_HEADERS = {
  type: 'object',
  properties: {
    'x-request-id': { type: 'string', minLength: 1, maxLength: 128, pattern: '^[\\x21-\\x7e]+$' },
  },
} as const;

/**
 * Sends `ack` to the user's streams after the events a creating request produced, so a client
 * that sees it knows its stream already reflects the write. The request id comes from
 * `X-Request-Id` (or is generated) and is echoed in the response header.
 */
export function acknowledge(
  hub: Hub,
  request: FastifyRequest,
  reply: FastifyReply,
  user: string,
  resource: Ack['resource'],
  id: string,
): void {
  const header = request.headers['x-request-id'];
  const requestId = typeof header === 'string' ? header : randomUUID();
  reply.header('X-Request-Id', requestId);
  hub.publish(user, 'ack', { requestId, resource, id, at: Date.now() });
}
