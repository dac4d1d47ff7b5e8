import type { SseFailure } from '../reason';

/** What the leader relays: each handler call of its real connection, and its status. */
export type LeaderMessage =
  | { readonly k: 'open'; readonly from: string }
  | {
      readonly k: 'event';
      readonly from: string;
      readonly type: string;
      readonly data: string;
      readonly id: string;
    }
  | { readonly k: 'retry'; readonly from: string; readonly ms: number }
  | { readonly k: 'alive'; readonly from: string; readonly comment?: string }
  | { readonly k: 'resume'; readonly from: string; readonly id: string }
  | { readonly k: 'error'; readonly from: string; readonly failure: SseFailure }
  /** A tab took the lock: followers announce their names to it. */
  | { readonly k: 'leader'; readonly from: string }
  /** The answer to a `hello`: whether the real connection is open now. */
  | { readonly k: 'status'; readonly from: string; readonly to: string; readonly open: boolean };

/** What followers tell the leader: which event names their subscribers listen to. */
export type FollowerMessage =
  | { readonly k: 'hello'; readonly from: string; readonly types: readonly string[] }
  | { readonly k: 'listen' | 'unlisten'; readonly from: string; readonly type: string }
  | { readonly k: 'bye'; readonly from: string };

export type CrossTabMessage = LeaderMessage | FollowerMessage;

/** A message as a tab posts it: its seat signs it with the tab's id (`from`). */
export type UnsignedMessage = CrossTabMessage extends infer M
  ? M extends CrossTabMessage
    ? Omit<M, 'from'>
    : never
  : never;

const FOLLOWER_KINDS: readonly string[] = ['hello', 'listen', 'unlisten', 'bye'];

/**
 * Whether `message` is a follower's (the leader serves those) rather than a leader's relay.
 *
 * @example
 * isFollowerMessage({ k: 'bye', from: 'tab-2' }); // true
 */
export function isFollowerMessage(message: CrossTabMessage): message is FollowerMessage {
  return FOLLOWER_KINDS.includes(message.k);
}

/**
 * The lock and channel name of a connection key: a hash, so the URL's query values never show
 * in clear (cyrb53: 53 bits, plenty to keep the streams of one origin apart).
 *
 * @example
 * channelName('["/api/events?token=secret"]'); // 'ngx-sse:3bd1c0a9e2f47'
 */
export function channelName(key: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return `ngx-sse:${(4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36)}`;
}
