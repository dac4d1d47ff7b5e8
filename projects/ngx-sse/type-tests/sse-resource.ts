// sseResource infers what it can: with no type arguments the map is untyped (`data: unknown`) and
// the value type comes from `initialValue`; with a map, a reducer needs its value type written
// too (TypeScript has no partial inference), and the compiler's message names the fix.
import { type SseMessage, type SseResourceRef, sseResource } from 'ngx-sse';

import type { AppEvents, JobProgress, Notification } from './declarations';

const url = () => '/api/events';

// The call a new user wrote, untyped: it compiles up to the payload, which is `unknown`.
export const ticks: SseResourceRef<number> = sseResource(url, {
  event: 'tick',
  // @ts-expect-error -- an untyped stream's data is unknown: name the map, or narrow it
  reduce: (sum, m) => sum + m.data.n,
  initialValue: 0,
});

// Narrowed by the app, the untyped reducer compiles and the value type is the initial value's.
export const sum = sseResource(url, {
  event: 'tick',
  reduce: (total, { data }) => total + (typeof data === 'number' ? data : 0),
  initialValue: 0,
});
export const total: number = sum.value();
// @ts-expect-error -- the value type is inferred from initialValue: a number
export const totalText: string = sum.value();

// Untyped without a reducer: the latest message of the name, its data unknown.
export const latestTick = sseResource(url, { event: 'tick' });
export const latestTickMessage: SseMessage<unknown, 'tick'> | undefined = latestTick.value();
// @ts-expect-error -- untyped data is unknown, not a number
export const tickData: number | undefined = latestTick.value()?.data;
export const anyMessage: SseMessage<unknown> | undefined = sseResource(url).value();

// All three type arguments: the reducer is checked against the map and the value type.
export const notifications = sseResource<AppEvents, 'notification', Notification[]>(url, {
  event: 'notification',
  reduce: (list, { data }) => [data, ...list],
  initialValue: [],
});
export const list: readonly Notification[] = notifications.value();

// The map and a name without a reducer: the latest message, typed.
export const progress = sseResource<AppEvents, 'job-progress'>(url, { event: 'job-progress' });
export const percent: number | undefined = progress.value()?.data.percent;

// The map alone: every event of it, narrowed by `type`.
const everything = sseResource<AppEvents>(url).value();
if (everything?.type === 'job-progress') {
  const data: JobProgress = everything.data;
  // @ts-expect-error -- narrowed to job-progress: no title
  const title: string = everything.data.title;
  void [data, title];
}

// A map and a name with a reducer but no value type: the value type is SseResourceNeedsValueType,
// which the compiler names, and nothing fits it.
// @ts-expect-error -- the initial value 0 is not an SseResourceNeedsValueType
export const twoArguments = sseResource<AppEvents, 'job-progress'>(url, {
  event: 'job-progress',
  // @ts-expect-error -- max is an SseResourceNeedsValueType: write <AppEvents, 'job-progress', number>
  reduce: (max, { data }) => Math.max(max, data.percent),
  initialValue: 0,
});

export const typo = sseResource<AppEvents, 'notification'>(url, {
  // @ts-expect-error -- 'notifcation' is not an event of AppEvents
  event: 'notifcation',
});

export const wrongReducer = sseResource<AppEvents, 'job-progress', string[]>(url, {
  event: 'job-progress',
  // @ts-expect-error -- a reducer of string[] cannot return numbers
  reduce: (log, { data }) => [...log, data.percent],
  initialValue: [],
});
