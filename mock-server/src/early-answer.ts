import type { FastifyInstance } from 'fastify';

/**
 * Closes the connection after an answer sent before the request's body arrived (a 401, 405 or
 * 429 from an `onRequest` hook). Node would keep reading, and discarding, the rest of the body
 * on a kept-alive connection: a client dripping it in would hold the socket until the request
 * timeout, whose 408 would then follow the first answer as a second response to one request.
 *
 * @example
 * closeAfterEarlyAnswers(app); // 429 too-many-logins, Connection: close, socket closed
 */
export function closeAfterEarlyAnswers(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply) => {
    if (!request.raw.complete) reply.header('Connection', 'close');
  });
}
