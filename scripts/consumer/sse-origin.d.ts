// Stands in, for `tsc -p scripts` only, for the sse-origin.ts that ssr-check.sh writes into the
// consumer app: the counting endpoint's origin, known only once its port is chosen.
export declare const SSE_ORIGIN: string;
