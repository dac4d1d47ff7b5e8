import { STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';

import { badRequest, excerpt, HttpError, sendError, type ErrorBody } from './errors.ts';

/** Node's parser errors that have their own status; every other one is a 400. */
const CLIENT_ERROR_STATUS: Record<string, [status: number, code: string, detail: string]> = {
  HPE_HEADER_OVERFLOW: [431, 'headers-too-large', 'request line and headers over the limit'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'request-timeout', 'the request took too long to arrive'],
  ERR_HTTP_HEADERS_TIMEOUT: [408, 'request-timeout', 'the headers took too long to arrive'],
};

/**
 * Fastify's `clientErrorHandler`: answers what Node's HTTP parser rejected (bad request line,
 * bad header, oversize headers, bad chunked body) with the API's JSON error, then closes the
 * socket, whose stream position is lost. When the request was already handed to a route (the
 * body was bad), the error goes through that request's response if nothing was sent yet.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const [status, code, detail] = CLIENT_ERROR_STATUS[error.code ?? ''] ?? [
    400,
    'bad-request',
    `malformed HTTP request (${error.code ?? 'parse error'})`,
  ];
  const body: ErrorBody = {
    error: code,
    detail: status === 400 ? { field: 'request', message: detail } : detail,
  };
  const response = (socket as Socket & { _httpMessage?: ServerResponse })._httpMessage;
  if (!response) {
    writeRawError(socket, status, body);
  } else if (!response.headersSent) {
    const json = JSON.stringify(body);
    response.writeHead(status, { ...JSON_HEADERS(json), Connection: 'close' });
    response.end(json, () => socket.destroy());
  } else {
    socket.destroy();
  }
}

/** Node's `connect` (CONNECT method) and `checkExpectation` events, answered as JSON errors. */
export function answerUnsupportedRequests(server: Server): void {
  server.on('connect', (_request: IncomingMessage, socket: Socket) =>
    writeRawError(socket, 405, { error: 'method-not-allowed', detail: 'CONNECT: not a proxy' }),
  );
  server.on('checkExpectation', (request: IncomingMessage, response: ServerResponse) => {
    const expect = String(request.headers.expect);
    const json = JSON.stringify({
      error: 'expectation-failed',
      detail: `Expect: ${excerpt(expect)} is not supported; only 100-continue`,
    } satisfies ErrorBody);
    // The body it would have sent is never read: what follows on the socket would be taken for
    // the next request, so the connection ends with the answer.
    response.writeHead(417, { ...JSON_HEADERS(json), Connection: 'close' });
    response.end(json, () => request.socket.destroy());
  });
}

const JSON_HEADERS = (json: string) => ({
  'Content-Type': 'application/json; charset=utf-8',
  'Content-Length': String(Buffer.byteLength(json)),
});

function writeRawError(socket: Socket, status: number, body: ErrorBody): void {
  const json = JSON.stringify(body);
  const headers = Object.entries({ ...JSON_HEADERS(json), Connection: 'close' })
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n${headers}\r\n${json}`);
}

/** Fastify's `frameworkErrors`: URL and parameter errors found while routing, as JSON errors. */
export function answerFrameworkError(
  error: FastifyError,
  _request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  switch (error.code) {
    case 'FST_ERR_BAD_URL':
      return sendError(reply, badRequest('url', 'not a valid URL (bad percent-encoding?)'));
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return sendError(reply, new HttpError(414, 'uri-too-long', 'a path parameter is too long'));
    default:
      return sendError(reply, new HttpError(500, 'internal-error', 'see the server log'));
  }
}
