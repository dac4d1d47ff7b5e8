// The mock server's wire contract: every event payload and REST body, in one place, used by the
// server and re-exported by the dashboard (src/app/core/api.ts). Types only, no imports, so both
// compilers can read it as it is. The reference is mock-server/README.md.

/** An event id: `<run epoch>-<sequence>`, e.g. `m3k9x2-41` (see "Ids" in the server docs). */
export type EventId = string;

export type Level = 'INFO' | 'WARNING' | 'ERROR';
export type JobState = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
export type Topic = 'notifications' | 'jobs' | 'metrics';

export interface Notification {
  id: string;
  level: Level;
  title: string;
  message: string;
  /** ISO 8601. */
  createdAt: string;
}

export interface JobProgress {
  jobId: string;
  name: string;
  percent: number;
  state: JobState;
  etaMs: number;
}

export interface Metric {
  name: string;
  value: number;
  /** Epoch ms when the server sent it, so clients can measure delivery latency. */
  at: number;
}

/** Tells a client which of its REST calls produced which resource (REST→SSE correlation). */
export interface Ack {
  requestId: string;
  resource: 'notification' | 'job';
  id: string;
  at: number;
}

/**
 * Why a resuming client missed events it cannot get back: `history-exceeded` (they were
 * evicted from the bounded history), `unknown-id` (not an id this server issues),
 * `server-restarted` (an id of another server run), `ahead-of-head` (newer than anything
 * published in this run).
 */
export type ResetReason = 'history-exceeded' | 'unknown-id' | 'server-restarted' | 'ahead-of-head';

/** `event: reset` on `/api/events`: refetch state over REST, then carry on with the stream. */
export interface HistoryReset {
  reason: ResetReason;
  /** The id the client resumed from, as it sent it. */
  lastEventId: string;
  /** The oldest event the server can still replay to this user, or null if none. */
  oldestAvailableId: EventId | null;
}

/**
 * `event: notification-read` on `/api/events`, and the reply to `POST /api/notifications/read`:
 * notifications the user marked read (in any tab or device), so every client shows them read.
 */
export interface NotificationRead {
  ids: string[];
}

/** The named events of `/api/events`. */
export interface AppEvents {
  notification: Notification;
  'notification-read': NotificationRead;
  'job-progress': JobProgress;
  metric: Metric;
  ack: Ack;
  reset: HistoryReset;
}

/** `event: tick` on the public `/api/ticks`. */
export interface Tick {
  n: number;
  at: number;
}

/** The named events of `/api/ticks`; `reset` only for a `Last-Event-ID` that is no tick number. */
export interface TickEvents {
  tick: Tick;
  reset: HistoryReset;
}

/** `POST /api/chat` body. */
export interface ChatRequest {
  /** 1..2000 characters. */
  prompt: string;
}

/** The named events of a `POST /api/chat` response stream, in order: tokens, then done. */
export interface ChatEvents {
  token: { text: string };
  done: { tokens: number };
}

/** `POST /api/session` body, and the body of its reply. */
export interface SessionBody {
  username: string;
}

/**
 * `GET /api/session` reply: the signed-in user, or `null` without a live session. A 200 either
 * way, so a signed-out first load is not a failed request (every other route still answers 401).
 */
export interface SessionStatus {
  username: string | null;
}

/** `POST /api/notifications` body. */
export interface NotificationRequest {
  level: Level;
  title: string;
  message?: string;
}

/** A notification as the user's list shows it: with whether the user has read it. */
export interface ListedNotification extends Notification {
  read: boolean;
}

/** `GET /api/notifications`: the user's notifications, newest first, at most 500. */
export interface NotificationList {
  items: ListedNotification[];
}

/** `POST /api/notifications/read` body: 1–500 ids of the user's notifications. */
export interface NotificationReadRequest {
  ids: string[];
}

/** `POST /api/notifications/read` reply: the ids marked (and told to every stream), and the rest. */
export interface NotificationReadReply extends NotificationRead {
  /** Ids not among the user's last 500 notifications: nothing to mark. */
  unknown: string[];
}

/** `POST /api/jobs` body. */
export interface JobRequest {
  name: string;
  durationMs?: number;
  /** Percent (1..99) at which the job fails instead of finishing. */
  failAt?: number;
}

/** `GET /api/jobs`: the user's jobs, oldest first. */
export interface JobList {
  jobs: JobProgress[];
}

/** `POST /api/faults` body (only with `--faults`). */
export type FaultRequest =
  | { kind: 'drop' }
  | { kind: 'stall'; ms: number }
  | { kind: 'status'; status: number; count?: number }
  | { kind: 'bad-mime'; count?: number }
  | { kind: 'no-content' };

/** `GET /api/health`: liveness and counts, no names. */
export interface Health {
  status: 'ok';
  uptimeMs: number;
  /** This run's epoch, the first part of every event id: it changes when the server restarts. */
  epoch: string;
  streams: { total: number; users: number; public: number };
  sessions: number;
  /** The caps on open streams and how many count against them. */
  streamCaps: StreamCaps;
  /** The caps on concurrent `POST /api/load` runs; only with `--faults`, as that route. */
  loadCaps?: LoadCaps;
}

/**
 * The stream caps `/api/health` reports. `open` and `max` count every SSE stream (`/api/events`,
 * `/api/ticks` and `/api/chat` answers); `perSession` caps one session's events and chats
 * together, `perUser` one user's `/api/events` streams.
 */
export interface StreamCaps {
  open: number;
  max: number;
  perSession: number;
  perUser: number;
}

/**
 * The load-run caps `/api/health` reports (with `--faults`): `running` counts the runs in
 * progress on the whole server, `max` caps them, `perSession` caps one session's.
 */
export interface LoadCaps {
  running: number;
  max: number;
  perSession: number;
}

/** `GET /api/debug/stats` (only with `--faults`): per-user counts for tests. */
export interface DebugStats {
  users: Record<string, { streams: number; chatRequests: number }>;
}

/** The JSON body of every 4xx and 5xx of the server. */
export interface ApiError {
  error: string;
  detail?: unknown;
}
