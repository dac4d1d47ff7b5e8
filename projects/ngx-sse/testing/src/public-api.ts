/*
 * Public API surface of ngx-sse/testing.
 */
export { FakeSseScheduler } from './fake-sse-scheduler';
export { SseTestingBackend, provideSseTesting } from './provide-sse-testing';
export { SseTestingController } from './sse-testing-controller';
export type { ConnectionMatch } from './sse-testing-controller';
export { TestConnection } from './test-connection';
export type { TestFailure } from './test-connection';
