/*
 * Public API surface of ngx-sse/testing.
 */
export * from './sse-event';
