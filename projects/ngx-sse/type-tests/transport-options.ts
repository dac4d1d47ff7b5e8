// Fetch-only request settings compile only with `transport: 'fetch'`: on the default or the
// explicit EventSource transport they would be silently ignored (a POST sent as a GET).
import type { SseEventSourceOptions, SseFetchOptions, SseStreamOptions } from 'ngx-sse';

import { client } from './declarations';

const url = '/api/events';

export const positive = [
  client.stream(url),
  client.stream(url, { withCredentials: true, lastEventId: '41', lingerMs: 2000 }),
  client.stream(url, { transport: 'eventsource', deserialize: 'text', pauseWhenHidden: true }),
  client.stream(url, {
    transport: 'fetch',
    method: 'POST',
    headers: async () => ({ Authorization: 'Bearer t' }),
    body: JSON.stringify({ prompt: 'hi' }),
    credentials: 'include',
    comments: true,
    shareKey: 'chat',
  }),
  client.stream(url, { transport: 'fetch', headers: { 'X-Topic': 'metrics' } }),
];

export const withoutTransport = [
  // @ts-expect-error -- method needs transport: 'fetch'
  client.stream(url, { method: 'POST' }),
  // @ts-expect-error -- headers need transport: 'fetch'
  client.stream(url, { headers: { Authorization: 'Bearer t' } }),
  // @ts-expect-error -- body needs transport: 'fetch'
  client.stream(url, { body: '{}' }),
  // @ts-expect-error -- credentials need transport: 'fetch'
  client.stream(url, { credentials: 'include' }),
  // @ts-expect-error -- comments need transport: 'fetch'
  client.stream(url, { comments: true }),
];

export const onEventSource = [
  // @ts-expect-error -- method is fetch-only
  client.stream(url, { transport: 'eventsource', method: 'POST' }),
  // @ts-expect-error -- headers are fetch-only
  client.stream(url, { transport: 'eventsource', headers: { Authorization: 'Bearer t' } }),
  // @ts-expect-error -- body is fetch-only
  client.stream(url, { transport: 'eventsource', body: '{}' }),
  // @ts-expect-error -- credentials are fetch-only
  client.stream(url, { transport: 'eventsource', credentials: 'include' }),
  // @ts-expect-error -- comments are fetch-only
  client.stream(url, { transport: 'eventsource', comments: true }),
];

// The named option types say the same when options are built apart from the call.
// @ts-expect-error -- an EventSource options object cannot carry a method
export const named: SseEventSourceOptions = { method: 'POST' };
// @ts-expect-error -- fetch options must name their transport
export const unnamed: SseFetchOptions = { method: 'POST' };
// @ts-expect-error -- only the two transports exist
export const websocket: SseStreamOptions = { transport: 'websocket' };
