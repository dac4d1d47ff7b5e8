import { randomUUID } from 'node:crypto';

import { badRequest } from './errors.ts';

/** What a stream can subscribe to with `?topics=`. */
export const TOPICS = ['notifications', 'jobs', 'metrics'] as const;
export type Topic = (typeof TOPICS)[number];

export const LEVELS = ['INFO', 'WARNING', 'ERROR'] as const;
export type Level = (typeof LEVELS)[number];
export type JobState = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

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

/** A new notification with a fresh id, created now. */
export function makeNotification(level: Level, title: string, message: string): Notification {
  return { id: randomUUID(), level, title, message, createdAt: new Date().toISOString() };
}

/** Tells a client which of its REST calls produced which resource (REST→SSE correlation). */
export interface Ack {
  requestId: string;
  resource: 'notification' | 'job';
  id: string;
  at: number;
}

/** Payload of each named event the hub publishes. */
export interface EventPayloads {
  notification: Notification;
  'job-progress': JobProgress;
  metric: Metric;
  ack: Ack;
}
export type EventName = keyof EventPayloads;

/**
 * The topic that must be subscribed to receive each event. Acks have none: a client that
 * filtered them out could never correlate its own writes, so they are always delivered.
 */
export const TOPIC_OF: Record<EventName, Topic | null> = {
  notification: 'notifications',
  'job-progress': 'jobs',
  metric: 'metrics',
  ack: null,
};

/** Parses `?topics=a,b`; absent or empty means every topic, an unknown name is a 400. */
export function parseTopics(param: string | undefined): ReadonlySet<Topic> {
  const names = (param ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  if (names.length === 0) return new Set(TOPICS);
  for (const name of names) {
    if (!(TOPICS as readonly string[]).includes(name)) {
      throw badRequest('topics', `unknown topic "${name}"; known topics: ${TOPICS.join(', ')}`);
    }
  }
  return new Set(names as Topic[]);
}
