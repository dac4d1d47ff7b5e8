import { STATUS_CODES } from 'node:http';

import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import { BODY_LIMIT_BYTES } from './options.ts';
import { PATTERN_MESSAGES } from './schema.ts';
import { SESSION_CHALLENGE } from './session-cookie.ts';

/** The one error body of the API, whatever failed: clients parse a single shape. */
export interface ErrorBody {
  error: string;
  detail: unknown;
}

/** An expected failure: HTTP status, stable machine-readable code, detail and extra headers. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(`${status} ${code}`);
  }
}

/**
 * A client's header value as an error detail quotes it: at most 100 characters, so a 16 KB
 * header is not echoed back whole.
 *
 * @example
 * `Host: ${excerpt(host)}`
 */
export function excerpt(value: string, max = 100): string {
  return value.length > max ? `${value.slice(0, max)}…` : value;
}

/** 400 naming the offending field, the shape of every validation failure. */
export function badRequest(field: string, message: string): HttpError {
  return new HttpError(400, 'bad-request', { field, message });
}

/** 401 for a missing, unknown or ended session. */
export function unauthorized(): HttpError {
  return new HttpError(401, 'unauthorized', 'no session: log in with POST /api/session');
}

/**
 * 429 `code` over a cap a client holds, or 503 when the cap is the whole server's (the server
 * is busy, not this client greedy); `Retry-After` is `retryMs` from now, at least 1 s.
 *
 * @example
 * throw overCap('too-many-loads', { scope: 'global', limit: 8 }, firstEnd - Date.now(), 503);
 */
export function overCap(
  code: string,
  detail: object,
  retryMs: number,
  status: 429 | 503 = 429,
): HttpError {
  const retryAfter = String(Math.max(1, Math.ceil(retryMs / 1000)));
  return new HttpError(status, code, detail, { 'Retry-After': retryAfter });
}

/**
 * `too-many-streams` over a stream cap (see `overCap`); `Retry-After` is the reconnect delay.
 *
 * @example
 * throw tooManyStreams({ scope: 'session', limit: 6 }, options.retryMs);
 */
export function tooManyStreams(
  detail: object,
  retryMs: number,
  status: 429 | 503 = 429,
): HttpError {
  return overCap('too-many-streams', detail, retryMs, status);
}

/** 404 for an unknown route or resource. */
export function notFound(what: string): HttpError {
  return new HttpError(404, 'not-found', what);
}

/** The path of a request's URL, without its query. */
export function pathOf(request: FastifyRequest): string {
  return request.url.split('?')[0];
}

/** 404 naming the method and path no route answers. */
export function noRoute(request: FastifyRequest): HttpError {
  return notFound(`no route ${request.method} ${excerpt(pathOf(request))}`);
}

/**
 * Sends an HttpError as the JSON error body. Every error leaves through here, so this is where a
 * 401 gets its `WWW-Authenticate` challenge, whichever path produced it (a hook, a route, an
 * injected fault).
 */
export function sendError(reply: FastifyReply, error: HttpError): FastifyReply {
  const body: ErrorBody = { error: error.code, detail: error.detail };
  const challenge = error.status === 401 ? { 'WWW-Authenticate': SESSION_CHALLENGE } : {};
  return reply
    .code(error.status)
    .headers({ ...challenge, ...error.headers })
    .send(body);
}

/**
 * Routes every failure through one JSON shape: our HttpErrors, Fastify's schema validation,
 * body-limit and content-type errors, and unexpected exceptions (logged, then a bare 500).
 */
export function installErrorHandling(app: FastifyInstance, log: (line: string) => void): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const httpError = toHttpError(error, request);
    if (httpError.status >= 500) log(`error ${request.method} ${request.url}: ${error.stack}`);
    return sendError(reply, httpError);
  });
}

function toHttpError(error: FastifyError, request: FastifyRequest): HttpError {
  if (error instanceof HttpError) return error;
  if (error.validation) {
    return badRequest(validationField(error), validationMessage(error));
  }
  const status = error.statusCode ?? 500;
  switch (status) {
    case 400: // malformed or empty JSON
      return badRequest('body', error.message);
    case 413:
      return new HttpError(413, 'payload-too-large', `body over ${BODY_LIMIT_BYTES} bytes`);
    case 415: {
      const type = request.headers['content-type'] ?? 'none';
      return new HttpError(
        415,
        'unsupported-media-type',
        `${excerpt(type)}; send application/json`,
      );
    }
  }
  if (status >= 500) return new HttpError(500, 'internal-error', 'see the server log');
  const code = (STATUS_CODES[status] ?? 'error').toLowerCase().replaceAll(' ', '-');
  return new HttpError(status, code, error.message);
}

/** JSON 404 for any unmatched route. */
export function jsonNotFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return sendError(reply, noRoute(request));
}

/** Ajv's message, made plain where Ajv's wording says little to an API user. */
function validationMessage(error: FastifyError): string {
  const [first] = error.validation ?? [];
  if (first?.keyword === 'additionalProperties') {
    return error.validationContext === 'querystring'
      ? 'unknown query parameter: not one this route takes'
      : 'unknown field: not part of this body';
  }
  const ours =
    first?.keyword === 'pattern' && PATTERN_MESSAGES.get(String(first.params['pattern']));
  if (ours) return ours;
  const allowed = first?.params['allowedValues'];
  const list = Array.isArray(allowed) ? `: ${allowed.join(', ')}` : '';
  return `${excerpt(error.message, 200)}${list}`;
}

function validationField(error: FastifyError): string {
  const [first] = error.validation ?? [];
  const params = (first?.params ?? {}) as Record<string, unknown>;
  const leaf = params['missingProperty'] ?? params['additionalProperty'] ?? params['tag'];
  const path = (first?.instancePath ?? '').slice(1).replaceAll('/', '.');
  const field = [path, leaf].filter(Boolean).join('.');
  return field === '' ? (error.validationContext ?? 'body') : excerpt(field);
}
