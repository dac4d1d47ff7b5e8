import { randomUUID } from 'node:crypto';

import { badRequest, excerpt } from './errors.ts';
import type {
  Ack,
  JobProgress,
  Level,
  Metric,
  Notification,
  NotificationRead,
  Topic,
} from './wire.ts';

export type { Level, Topic } from './wire.ts';

/** What a stream can subscribe to with `?topics=`. */
export const TOPICS: readonly Topic[] = ['notifications', 'jobs', 'metrics'];

export const LEVELS: readonly Level[] = ['INFO', 'WARNING', 'ERROR'];

/** A new notification with a fresh id, created now. */
export function makeNotification(level: Level, title: string, message: string): Notification {
  return { id: randomUUID(), level, title, message, createdAt: new Date().toISOString() };
}

/** Payload of each named event the hub publishes. */
export interface EventPayloads {
  notification: Notification;
  'notification-read': NotificationRead;
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
  'notification-read': 'notifications',
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
      throw badRequest(
        'topics',
        `unknown topic "${excerpt(name)}"; known topics: ${TOPICS.join(', ')}`,
      );
    }
  }
  return new Set(names as Topic[]);
}
