import fastifyCookie from '@fastify/cookie';
import fastifyCors from '@fastify/cors';
import Fastify, { type FastifyInstance } from 'fastify';

import { createContext } from './context.ts';
import { trackInFlight } from './drain.ts';
import { closeAfterEarlyAnswers } from './early-answer.ts';
import { continueWhenBodyIsRead } from './expect-continue.ts';
import { guardHost } from './host-guard.ts';
import { guardOrigin } from './origin-guard.ts';
import { installErrorHandling, jsonNotFound } from './errors.ts';
import {
  answerClientError,
  answerFrameworkError,
  answerUnsupportedRequests,
} from './low-level-errors.ts';
import { parseJsonBodies } from './json-body.ts';
import { answerMethodNotAllowed, refuseUnknownPreflights } from './method-not-allowed.ts';
import { BODY_LIMIT_BYTES, defaultOptions, type ServerOptions } from './options.ts';
import { checkRequestHead } from './request-head.ts';
import { chatRoutes } from './routes/chat.ts';
import { debugStatsRoutes } from './routes/debug-stats.ts';
import { eventRoutes } from './routes/events.ts';
import { faultRoutes } from './routes/faults.ts';
import { healthRoutes } from './routes/health.ts';
import { jobRoutes } from './routes/jobs.ts';
import { notificationRoutes } from './routes/notifications.ts';
import { sessionRoutes } from './routes/session.ts';
import { tickRoutes } from './routes/ticks.ts';
import { addSecurityHeaders } from './security-headers.ts';
import { requireSession } from './sessions.ts';
import { serveSpa } from './static.ts';
import { refuseUnknownQueries } from './strict-query.ts';

/** Builds the mock SSE server without listening, so tests can bind it to an ephemeral port. */
export function buildServer(overrides: Partial<ServerOptions> = {}): FastifyInstance {
  const options: ServerOptions = { ...defaultOptions, ...overrides };
  const app = Fastify({
    bodyLimit: BODY_LIMIT_BYTES,
    // A HEAD on an event stream would open one; unsupported methods get a clean 405 instead.
    exposeHeadRoutes: false,
    // No type coercion: a number where a string belongs is a client bug worth a 400. Fastify's
    // removeAdditional (true) would strip an unknown field, so a typo ("duration") silently got
    // the default: off, `additionalProperties: false` fails the request with the field's name.
    ajv: { customOptions: { discriminator: true, coerceTypes: false, removeAdditional: false } },
    // Node checks the timeouts every `connectionsCheckingInterval` (30 s by default): a second
    // keeps a slow request's 408 close to its limit. Streams are unaffected: a GET is complete
    // once its head is in, and what follows is the response.
    requestTimeout: options.requestTimeoutMs,
    http: {
      requireHostHeader: false,
      headersTimeout: options.requestTimeoutMs,
      connectionsCheckingInterval: Math.min(1000, options.requestTimeoutMs),
    },
    clientErrorHandler: answerClientError,
    frameworkErrors: answerFrameworkError,
  });
  const ctx = createContext(options);

  installErrorHandling(app, options.log);
  // Only JSON bodies: without this, Fastify parses text/plain into a string that fails the
  // schema with a 400, where a wrong content type deserves its 415.
  app.removeContentTypeParser('text/plain');
  parseJsonBodies(app);
  app.decorateRequest('session', null);
  app.addHook('onRequest', checkRequestHead);
  addSecurityHeaders(app);
  closeAfterEarlyAnswers(app);
  app.addHook('onRequest', guardHost(options.corsOrigins));
  answerUnsupportedRequests(app.server);
  continueWhenBodyIsRead(app);
  app.addHook('onRequest', refuseUnknownPreflights);
  app.register(fastifyCookie);
  app.register(fastifyCors, {
    // A function, not the list: a list would still send Allow-Credentials to other origins.
    origin: (origin, callback) =>
      callback(null, origin !== undefined && options.corsOrigins.includes(origin)),
    credentials: true,
    methods: ['GET', 'POST', 'DELETE'],
    allowedHeaders: ['Content-Type', 'Last-Event-ID', 'X-Request-Id'],
    exposedHeaders: ['Retry-After', 'X-Request-Id'],
    // An OPTIONS that is no preflight (no Access-Control-Request-Method) gets the plugin's 204
    // instead of its plain-text 400, which would break the JSON error rule.
    strictPreflight: false,
  });

  app.addHook('onRequest', guardOrigin(options.corsOrigins));
  refuseUnknownQueries(app);

  app.register(async (scope) => {
    healthRoutes(scope, ctx);
    tickRoutes(scope, ctx);
    sessionRoutes(scope, ctx);
    if (options.faults) debugStatsRoutes(scope, ctx);
  });
  app.register(async (scope) => {
    scope.addHook('onRequest', requireSession(ctx.sessions));
    eventRoutes(scope, ctx);
    notificationRoutes(scope, ctx);
    jobRoutes(scope, ctx);
    chatRoutes(scope, ctx);
    if (options.faults) faultRoutes(scope, ctx);
  });
  if (options.staticDir) serveSpa(app, options.staticDir);
  else app.setNotFoundHandler(jsonNotFound);
  answerMethodNotAllowed(app);

  // Streams never end on their own: end them first, or close() would wait for them forever.
  const drain = trackInFlight(app.server);
  app.addHook('preClose', (done) => {
    ctx.shutdown();
    drain();
    done();
  });
  return app;
}
