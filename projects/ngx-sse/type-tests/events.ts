// Event names and payload types come from the stream's event map: a typo or a wrong payload type
// does not compile, and `events()` narrows each message by its `type`.
import type { SseMessage } from 'ngx-sse';
import type { Observable } from 'rxjs';

import { type AppEvents, type JobProgress, type Notification, client } from './declarations';

const stream = client.stream<AppEvents>('/api/events');

export const notifications: Observable<SseMessage<Notification, 'notification'>> =
  stream.on('notification');
export const progress = stream.on('job-progress');

// @ts-expect-error -- 'notifcation' is not an event of AppEvents
export const typo = stream.on('notifcation');

notifications.subscribe(({ data }) => {
  const title: string = data.title;
  // @ts-expect-error -- a notification's data is a Notification, not a number
  const wrong: number = data;
  // @ts-expect-error -- a Notification has no percent
  const missing: number = data.percent;
  return [title, wrong, missing];
});

progress.subscribe(({ data, type }) => {
  const percent: number = data.percent;
  // @ts-expect-error -- percent is a number, not a string
  const wrong: string = data.percent;
  // @ts-expect-error -- the message type is the literal 'job-progress'
  const other: 'notification' = type;
  return [percent, wrong, other];
});

stream.messages().subscribe(({ data }) => {
  const text: string = data;
  // @ts-expect-error -- default events of AppEvents carry strings
  const wrong: Notification = data;
  return [text, wrong];
});

stream.events().subscribe((message) => {
  if (message.type === 'notification') {
    const title: string = message.data.title;
    // @ts-expect-error -- narrowed to a notification: no percent
    const wrong: number = message.data.percent;
    return [title, wrong];
  }
  if (message.type === 'job-progress') {
    const data: JobProgress = message.data;
    // @ts-expect-error -- narrowed to job-progress: no title
    const wrong: string = message.data.title;
    return [data, wrong];
  }
  const text: string = message.data;
  // @ts-expect-error -- every event name of AppEvents is handled above: no other type is left
  const none: 'other' = message.type;
  return [text, none];
});

// Without a map, any name is allowed and payloads are unknown until the app says otherwise.
const untyped = client.stream('/api/log');
untyped.on('anything').subscribe(({ data }) => {
  // @ts-expect-error -- data of an untyped stream is unknown
  const title: string = data.title;
  return title;
});
