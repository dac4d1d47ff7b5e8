/** Everything `buildServer` can be tuned with; the CLI maps flags and env vars onto it. */
export interface ServerOptions {
  /** Milliseconds between two `tick` events of `/api/ticks`. */
  tickMs: number;
  /**
   * Milliseconds between heartbeat comments on every stream; 0 turns them off. The 1 s default
   * lets the dashboard's 2 s heartbeat timeout notice a stall within 3 s.
   */
  heartbeatMs: number;
  /** Reconnection delay the server asks clients for in the `retry:` field. */
  retryMs: number;
  /** Events kept per user for `Last-Event-ID` replay. */
  historySize: number;
  /** Concurrent `/api/events` streams one user may hold before getting 429. */
  maxStreamsPerUser: number;
  /**
   * Concurrent streams (`/api/events` and `/api/chat`) one session may hold before getting 429;
   * null means as many as `maxStreamsPerUser`, so raising that cap (as the server benchmark
   * does) raises this one too unless it is set.
   */
  maxStreamsPerSession: number | null;
  /**
   * Open SSE streams in all, every route and session, before getting 503: what bounds the
   * memory and sockets a crowd of clients can take: in the server benchmark, 10 000 idle
   * streams took 130-150 MB of RSS.
   */
  maxStreams: number;
  /** Bytes a stream may have queued for a slow client before it is disconnected. */
  maxBufferBytes: number;
  /** Milliseconds between two broadcast `metric` events; 0 turns the series off. */
  metricsMs: number;
  /** `POST /api/chat` requests one user may make per minute before getting 429. */
  chatPerMinute: number;
  /** A session unused (no request, no open stream) this long expires. */
  sessionTtlMs: number;
  /** Live sessions at most; a login beyond gets 503 until some expire. */
  maxSessions: number;
  /** Logins one client address may make per minute before getting 429. */
  loginsPerMinute: number;
  /** Open `/api/ticks` streams per client address, and in all, before 429. */
  maxTicksPerAddress: number;
  maxTicks: number;
  /** Origins allowed to make credentialed cross-origin requests. */
  corsOrigins: string[];
  /**
   * `POST /api/load` runs in progress at once, per session (then 429) and in all (then 503):
   * a run emits up to 10 000 events a second to every stream it reaches, so runs started in a
   * loop would otherwise take the whole CPU.
   */
  maxLoadsPerSession: number;
  maxLoads: number;
  /** Enables `/api/faults`, `/api/load`, `/api/debug/memory` and `/api/debug/stats`. */
  faults: boolean;
  /**
   * A request's head and body must arrive within this, else 408: without a limit a client
   * sending a byte now and then (slowloris) holds its connection for ever.
   */
  requestTimeoutMs: number;
  /** Directory of a built SPA to serve next to the API, or null. */
  staticDir: string | null;
  /** Receives one human-readable line per notable server event (stream opened/closed...). */
  log: (line: string) => void;
}

export const defaultOptions: ServerOptions = {
  tickMs: 1000,
  heartbeatMs: 1000,
  retryMs: 2000,
  historySize: 1000,
  maxStreamsPerUser: 6,
  maxStreamsPerSession: null,
  maxStreams: 20_000,
  maxBufferBytes: 1024 * 1024,
  metricsMs: 500,
  chatPerMinute: 10,
  sessionTtlMs: 30 * 60_000,
  maxSessions: 1000,
  loginsPerMinute: 60,
  maxTicksPerAddress: 10,
  maxTicks: 1000,
  maxLoadsPerSession: 4,
  maxLoads: 8,
  corsOrigins: ['http://localhost:4200', 'http://127.0.0.1:4200'],
  faults: false,
  requestTimeoutMs: 10_000,
  staticDir: null,
  log: () => undefined,
};

/** Largest accepted request body; SSE clients only ever send small JSON commands. */
export const BODY_LIMIT_BYTES = 16 * 1024;
