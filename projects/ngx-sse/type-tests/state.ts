// One reason vocabulary: unknown reason strings do not compile, and a `closed` state narrows to
// its reason and error.
import type { SseError, SseReason, SseState } from 'ngx-sse';

import { client } from './declarations';

export const reasons: SseReason[] = ['network', 'idle-timeout', 'unauthorized', 'closed'];
// @ts-expect-error -- 'timeout' is not a reason ('idle-timeout' is)
export const unknown: SseReason = 'timeout';
// @ts-expect-error -- the 0.x SseErrorKind 'content-type' is now 'bad-content-type'
export const kind: SseReason = 'content-type';

const stream = client.stream('/api/events');

export function describe(state: SseState = stream.state()): string {
  // @ts-expect-error -- only reconnecting and closed states have a reason
  const early: SseReason = state.reason;
  if (state.status === 'closed') {
    const reason: SseReason = state.reason;
    const error: SseError | null = state.error;
    const status: number | undefined = state.error?.status;
    // @ts-expect-error -- a closed state has no attempt
    const attempt: number = state.attempt;
    return `${early} ${reason} ${error?.message} ${status} ${attempt}`;
  }
  if (state.status === 'open') {
    // @ts-expect-error -- an open state has no error
    return String(state.error);
  }
  return state.status;
}

stream.on('x').subscribe({
  error: (error: SseError) => {
    const reason: SseReason = error.reason;
    // @ts-expect-error -- an SseError's reason is an SseReason: 'auth' can never match
    return reason === 'auth';
  },
});
