import type { FastifyRequest } from 'fastify';

import { badRequest, excerpt } from './errors.ts';

/** The Last-Event-ID a stream request resumes from, and where it came from for a 400. */
export interface RequestedId {
  /** Trimmed; empty for a fresh start. */
  text: string;
  field: 'Last-Event-ID' | 'lastEventId';
}

const PRINTABLE = /^[\x21-\x7e]{1,128}$/;

/**
 * The id a stream request resumes from: the `Last-Event-ID` header when it holds one, as an
 * EventSource sends it on reconnect, else the `lastEventId` query the library's EventSource
 * transport adds (the header wins: the URL keeps the first connection's id). Text that cannot
 * be an id of any stream (over 128 characters, spaces, control or non-ASCII characters) is a
 * 400 naming where it came from; anything else is the route's to judge.
 *
 * @example
 * requestedId(request); // { text: 'mj4q2x9c-41', field: 'Last-Event-ID' }
 */
export function requestedId(request: FastifyRequest): RequestedId {
  const header = request.headers['last-event-id'];
  const query = (request.query as { lastEventId?: string } | undefined)?.lastEventId;
  const fromHeader = typeof header === 'string' && header.trim() !== '';
  const field = fromHeader ? 'Last-Event-ID' : 'lastEventId';
  const text = (fromHeader ? header : query)?.trim() ?? '';
  if (text !== '' && !PRINTABLE.test(text)) {
    throw badRequest(
      field,
      `must be 1-128 visible ASCII characters, got ${JSON.stringify(excerpt(text))}`,
    );
  }
  return { text, field };
}
