import type { FastifyInstance } from 'fastify';

/**
 * The Content-Security-Policy of the served SPA. Scripts only from this origin, no inline
 * script or event-handler attribute (the production build emits none: `inlineCritical` is off
 * in angular.json, because it adds an `onload` attribute to the stylesheet link). Styles allow
 * 'unsafe-inline' because Angular inserts each component's styles as a `<style>` element at
 * run time; a per-request nonce (`ngCspNonce`) would remove that. Streams and API calls go to
 * this origin only; nobody may frame the app.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers of every response (API, streams and files): no sniffing, no framing, no referrer. */
export const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
} as const;

/**
 * Sets the security headers on every response. Set on request, not on send: event streams are
 * hijacked and copy the reply's headers when they start, so they carry them too.
 *
 * @example
 * addSecurityHeaders(app);
 */
export function addSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onRequest', async (_request, reply) => {
    reply.headers(SECURITY_HEADERS);
  });
}
