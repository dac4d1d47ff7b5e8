/*
 * Public API surface of ngx-sse/testing.
 */
export { FakeSseScheduler } from './fake-sse-scheduler';
export { provideSseTesting } from './provide-sse-testing';
export { SseTestingController } from './sse-testing-controller';
export type { ConnectionMatch, VerifyOptions } from './sse-testing-controller';
export { TestConnection } from './test-connection';
export type { TestFailure } from './test-failure';
