/** HttpOnly + SameSite=Strict: scripts cannot read it and other sites cannot send it. */
export const SESSION_COOKIE = 'sse_session';
export const SESSION_COOKIE_OPTIONS = { httpOnly: true, sameSite: 'strict', path: '/' } as const;

/**
 * The `WWW-Authenticate` challenge every 401 carries (RFC 9110 §11.6.1 requires one): the
 * `Cookie` scheme of draft-broyer-http-cookie-auth, which says where to log in and which cookie
 * that sets. Browsers prompt only for schemes they know (Basic, Digest...), so this one shows
 * no dialog; it documents the login for any other client.
 *
 * @example
 * reply.header('WWW-Authenticate', SESSION_CHALLENGE);
 */
export const SESSION_CHALLENGE = `Cookie realm="ngx-sse mock", form-action="/api/session", cookie-name="${SESSION_COOKIE}"`;
