import type { FastifyInstance } from 'fastify';

import { badRequest, excerpt, HttpError } from './errors.ts';

/**
 * Replaces Fastify's JSON parser by one that keeps its safety (bodies with `__proto__` or
 * `constructor.prototype` are refused, as they could poison prototypes) but says why: Fastify
 * reports those as "Body is not valid JSON", which misleads whoever sent well-formed JSON.
 * JSON is UTF-8 (RFC 8259 §8.1): a body labelled with another charset is a 415, where reading
 * it as UTF-8 would silently turn a Latin-1 "é" into U+FFFD.
 *
 * @example
 * parseJsonBodies(app); // {"__proto__": {}} → 400 { field: '__proto__', message: 'forbidden key' }
 */
export function parseJsonBodies(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const charset = charsetOf(request.headers['content-type'] ?? '');
    if (charset !== undefined && !UTF8.has(charset)) {
      const detail = `charset ${charset ? excerpt(charset) : '(empty)'}: JSON bodies are utf-8`;
      return done(new HttpError(415, 'unsupported-media-type', detail));
    }
    parse(request, body as string, (error, value) => {
      const key = error ? forbiddenKey(body as string) : undefined;
      if (key) done(badRequest(key, 'forbidden key: it could change object prototypes'));
      else done(error, value);
    });
  });
}

const UTF8 = new Set(['utf-8', 'utf8']);

/** The lower-cased `charset` parameter of a Content-Type, if it has one. */
function charsetOf(type: string): string | undefined {
  return /;\s*charset\s*=\s*"?([^";\s]*)/i.exec(type)?.[1].toLowerCase();
}

/** The first forbidden key of valid JSON (`constructor.prototype` for that pair), or undefined. */
function forbiddenKey(text: string): string | undefined {
  let found: string | undefined;
  try {
    // Plain JSON.parse defines `__proto__` as an own key, so a reviver can see it safely.
    JSON.parse(text, (key, value: unknown) => {
      const prototype = key === 'constructor' && hasOwnKey(value, 'prototype');
      if (!found && (key === '__proto__' || prototype)) {
        found = prototype ? 'constructor.prototype' : key;
      }
      return value;
    });
  } catch {
    return undefined;
  }
  return found;
}

function hasOwnKey(value: unknown, key: string): boolean {
  return typeof value === 'object' && value !== null && Object.hasOwn(value, key);
}
