import type { FastifyInstance } from 'fastify';

import { badRequest, excerpt, HttpError } from './errors.ts';

/**
 * Replaces Fastify's JSON parser by one that keeps its safety (bodies with `__proto__` or
 * `constructor.prototype` are refused, as they could poison prototypes) but says why: Fastify
 * reports those as "Body is not valid JSON", which misleads whoever sent well-formed JSON.
 * JSON is UTF-8 (RFC 8259 §8.1): a body labelled with another charset is a 415, and an unlabelled
 * one that is not UTF-8 a 400, where reading it as UTF-8 would silently turn a Latin-1 "é" into
 * U+FFFD, then store and broadcast it.
 *
 * @example
 * parseJsonBodies(app); // {"__proto__": {}} → 400 { field: '__proto__', message: 'forbidden key' }
 */
export function parseJsonBodies(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    const charset = charsetOf(request.headers['content-type'] ?? '');
    if (charset !== undefined && !UTF8.has(charset)) {
      const detail = `charset ${charset ? excerpt(charset) : '(empty)'}: JSON bodies are utf-8`;
      return done(new HttpError(415, 'unsupported-media-type', detail));
    }
    let text: string;
    try {
      text = UTF8_STRICT.decode(body as Buffer);
    } catch {
      return done(badRequest('body', 'not valid UTF-8 (JSON bodies are utf-8)'));
    }
    parse(request, text, (error, value) => {
      const key = error ? forbiddenKey(text) : undefined;
      if (key) done(badRequest(key, 'forbidden key: it could change object prototypes'));
      else done(error, value);
    });
  });
}

const UTF8 = new Set(['utf-8', 'utf8']);
const UTF8_STRICT = new TextDecoder('utf-8', { fatal: true });

/** The lower-cased `charset` parameter of a Content-Type, if it has one. */
function charsetOf(type: string): string | undefined {
  return /;\s*charset\s*=\s*"?([^";\s]*)/i.exec(type)?.[1].toLowerCase();
}

/**
 * The first forbidden key of valid JSON (`constructor.prototype` for that pair), or undefined.
 * Walked with a stack of its own: a reviver recurses, and a body nested a few thousand deep
 * (still under the size limit) would overflow it and lose the reason.
 */
function forbiddenKey(text: string): string | undefined {
  let root: unknown;
  try {
    // Plain JSON.parse defines `__proto__` as an own key, so reading it is safe.
    root = JSON.parse(text);
  } catch {
    return undefined;
  }
  const stack = [root];
  while (stack.length) {
    const value = stack.pop();
    if (typeof value !== 'object' || value === null) continue;
    for (const [key, child] of Object.entries(value)) {
      if (key === '__proto__') return key;
      if (key === 'constructor' && hasOwnKey(child, 'prototype')) return 'constructor.prototype';
      stack.push(child);
    }
  }
  return undefined;
}

function hasOwnKey(value: unknown, key: string): boolean {
  return typeof value === 'object' && value !== null && Object.hasOwn(value, key);
}
