import type { IncomingMessage, Server, ServerResponse } from 'node:http';

import type { FastifyInstance, FastifyRequest } from 'fastify';

import { noRoute } from './errors.ts';

/**
 * `Expect: 100-continue` asks the server whether to send the body at all. Node answers
 * `100 Continue` as soon as the head is in, before any check, so a client whose request is
 * refused anyway (no session, foreign origin, wrong method, a body over the limit) sent its body
 * for nothing, and read a 100 before its 401. With a `checkContinue` listener Node leaves the
 * 100 to us: the request goes to Fastify at once, and the 100 is written when something starts
 * reading the body (the stream's `resume`). That happens only once every `onRequest` hook
 * passed, the content type has a parser and the declared `Content-Length` is within the body
 * limit; every refusal before that is the final answer, and Node closes the connection after
 * it (the body was never asked for). Without a body to read there is no 100 either: the final
 * answer comes first, which RFC 9110 §10.1.1 allows.
 *
 * An unknown route would still read a JSON body before its 404, so a request that expects a
 * 100 gets the 404 before its body instead (a read, GET or HEAD, has none: with `--static`, it
 * may be a page).
 *
 * @example
 * continueWhenBodyIsRead(app); // POST /api/jobs, Expect: 100-continue, no cookie: 401, no 100
 */
export function continueWhenBodyIsRead(app: FastifyInstance): void {
  const server: Server = app.server;
  // The requests Node found a 100-continue in (HTTP/1.1 only, as it matches the header).
  const expecting = new WeakSet<IncomingMessage>();
  server.on('checkContinue', (request: IncomingMessage, response: ServerResponse) => {
    expecting.add(request);
    request.once('resume', () => {
      // Node resumes a request it discards after an early answer: no 100 after a final one.
      if (!response.headersSent && !response.destroyed) response.writeContinue();
    });
    server.emit('request', request, response);
  });
  app.addHook('preParsing', async (request: FastifyRequest) => {
    const isRead = request.method === 'GET' || request.method === 'HEAD';
    if (request.is404 && !isRead && expecting.has(request.raw)) throw noRoute(request);
  });
}
