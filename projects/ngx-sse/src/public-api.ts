/*
 * Public API surface of ngx-sse.
 */
export * from './lib/sse-error';
