import type { UserState } from './users.ts';
import type { ListedNotification, NotificationReadReply } from './wire.ts';

/** The user's notifications, newest first, each with whether the user read it. */
export function listNotifications(state: UserState): ListedNotification[] {
  return state.notifications
    .newestFirst()
    .map((notification) => ({ ...notification, read: state.read.has(notification.id) }));
}

/**
 * Marks `ids` read. Only ids among the user's kept notifications count (the others come back
 * as `unknown`); the read set is pruned to those, so it stays as small as the list.
 *
 * @example
 * markRead(state, ['5c0e…', 'nope']); // { ids: ['5c0e…'], unknown: ['nope'] }
 */
export function markRead(state: UserState, ids: readonly string[]): NotificationReadReply {
  const kept = new Set(state.notifications.newestFirst().map((notification) => notification.id));
  const requested = [...new Set(ids)];
  for (const id of state.read) if (!kept.has(id)) state.read.delete(id);
  const marked = requested.filter((id) => kept.has(id) && !state.read.has(id));
  for (const id of marked) state.read.add(id);
  return { ids: marked, unknown: requested.filter((id) => !kept.has(id)) };
}
