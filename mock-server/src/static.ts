import { relative, sep } from 'node:path';

import fastifyStatic, { type SetHeadersResponse } from '@fastify/static';
import type { FastifyInstance, FastifyRequest } from 'fastify';

import { badRequest, jsonNotFound, pathOf } from './errors.ts';

// A `..` segment, with either slash, as @fastify/static's `send` detects it (then a bare 403).
const DOT_DOT = /(?:^|[\\/])\.\.(?:[\\/]|$)/;

/**
 * Serves a built SPA from the API's own port (one origin, as in production). Client-side routes
 * have no file, so reads of page paths fall back to index.html. Everything else that names no
 * file is a JSON 404: API paths however spelled (`/API/x`, `//api/x`, `/api%2fx`), dotfiles
 * (`.env` is never served), and file-like names, so a chunk missing after a redeploy is a 404
 * rather than an HTML page the browser refuses as script. Content-hashed files are cached for a
 * year, everything else revalidated (`setCacheControl`).
 */
export function serveSpa(app: FastifyInstance, dir: string): void {
  app.register(fastifyStatic, {
    root: dir,
    wildcard: true,
    dotfiles: 'ignore',
    // `send` would add `public, max-age=0` to every file; ours depends on the name instead.
    cacheControl: false,
    setHeaders: (res, file) => setCacheControl(res, relative(dir, file).split(sep).join('/')),
  });
  app.addHook('onRequest', refuseEscapingPaths);
  app.setNotFoundHandler((request, reply) => {
    const isRead = request.method === 'GET' || request.method === 'HEAD';
    return isRead && isPagePath(pathOf(request))
      ? reply.sendFile('index.html')
      : jsonNotFound(request, reply);
  });
}

// The names `ng build` gives content-hashed files (esbuild's `[hash]`: 8 characters of
// upper-case base32 before the extension): `main-7ZTZHPRJ.js`, `chunk-…`, `polyfills-…`,
// `styles-…`, `worker-…` at the root and everything in `media/`. Only those: a file copied from
// `public/` keeps its name across builds, and `icon-SETTINGS.svg` looks hashed but is not.
const HASHED =
  /^(?:(?:main|polyfills|chunk|styles|worker)-[A-Z2-7]{8}\.(?:js|css)|media\/[^/]+-[A-Z2-7]{8}\.[a-z0-9]+)$/;

/** What browsers may keep a file for, by its name: see `setCacheControl`. */
const CACHE_CONTROL = {
  hashed: 'public, max-age=31536000, immutable',
  other: 'no-cache',
};

/**
 * `setHeaders` of the static files (the index.html fallback too). A content-hashed file never
 * changes under its name: a new build gives it another, so browsers may keep it a year without
 * asking (`immutable`). Everything else, index.html first (it names the hashed files of the
 * current build), is revalidated on every use, so a redeploy shows at the next load; the ETag
 * keeps that a 304 while nothing changed.
 */
function setCacheControl(res: SetHeadersResponse, path: string): void {
  const hashed = HASHED.test(path);
  res.setHeader('Cache-Control', hashed ? CACHE_CONTROL.hashed : CACHE_CONTROL.other);
}

const API = /^\/api(?:[/;]|$)/i;
const FILE_LIKE = /\.[a-z0-9]+$/i;

/** A client-side route: not the API, no dot-leading segment, no file extension. */
function isPagePath(raw: string): boolean {
  // Decoding cannot throw here: a malformed escape is a 400 before any route or handler.
  const path = decodeURIComponent(raw).replace(/\/{2,}/g, '/');
  const segments = path.split('/').filter(Boolean);
  return (
    !API.test(path) &&
    !segments.some((segment) => segment.startsWith('.')) &&
    !FILE_LIKE.test(segments.at(-1) ?? '')
  );
}

/**
 * onRequest hook: a path with a `..` segment or a NUL byte (plain or percent-encoded) is a 400
 * naming the url, in the API's error shape; `send` would answer them with a bare 403 or 400.
 * No browser sends either: it resolves dot segments before the request.
 */
async function refuseEscapingPaths(request: FastifyRequest): Promise<void> {
  const path = decodeURIComponent(pathOf(request));
  if (DOT_DOT.test(path) || path.includes('\0')) {
    throw badRequest('url', 'a path with a ".." segment or a NUL byte cannot name a file');
  }
}
