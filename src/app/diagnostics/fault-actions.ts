import type { Fault } from '../core/faults';
import type { SseTransport } from 'ngx-sse';

/** A fault button: its label, what the user will see happen, and the body it posts. */
export interface FaultAction {
  label: string;
  description: string;
  fault: Fault;
}

/** What the stall must outlast: the heartbeat timeout in effect, if the transport has one. */
export interface StreamSettingsInEffect {
  transport: SseTransport;
  heartbeatTimeoutMs: number;
}

/** How much longer than the heartbeat timeout a stall lasts, so the timeout surely fires. */
const STALL_MARGIN_MS = 5000;
/** The stall when no timeout can notice it: long enough to see the raw log pause. */
const QUIET_STALL_MS = 20_000;

/**
 * The faults the mock server can inject, described for the settings in effect. Armed faults also
 * end the current stream (the mock server does that), so the reconnect meets them at once.
 *
 * @example
 * faultActions({ transport: 'fetch', heartbeatTimeoutMs: 2000 })[2].fault; // stall 7 s
 */
export function faultActions({
  transport,
  heartbeatTimeoutMs,
}: StreamSettingsInEffect): FaultAction[] {
  const timeout = transport === 'fetch' ? heartbeatTimeoutMs : 0;
  const stallMs = timeout ? timeout + STALL_MARGIN_MS : QUIET_STALL_MS;
  const stall = timeout
    ? `The server goes silent for ${stallMs / 1000} s; after the ${timeout / 1000} s heartbeat timeout the client gives up on it and reconnects (idle-timeout).`
    : `The server goes silent for ${stallMs / 1000} s; with no heartbeat timeout the client cannot tell, so only the raw log pauses.`;
  const badMime =
    transport === 'fetch'
      ? 'Ends the stream and answers the next attempt as text/plain: the client retries with backoff (bad-content-type; the dashboard treats it as a passing proxy error), then recovers.'
      : 'Ends the stream and answers the next attempt as text/plain: EventSource refuses it (refused) and the dashboard retries.';
  // EventSource hides the status: a 204 is one more refusal, which the dashboard retries.
  const noContent =
    transport === 'fetch'
      ? 'Ends the stream and answers the next attempt with 204 No Content, the server’s “stop”: the client stops for good (no-content). Reconnect resumes.'
      : 'Ends the stream and answers the next attempt with 204 No Content, the server’s “stop”. EventSource hides the status, so it reads as refused and the dashboard retries; the fetch transport would stop for good (no-content).';
  return [
    {
      label: 'Drop connection',
      description:
        'The server ends the stream; the client reconnects after a short delay and resumes from the last event id.',
      fault: { kind: 'drop' },
    },
    {
      label: '503 × 3',
      description:
        'Ends the stream and answers the next 3 attempts with 503: three retries, each after the backoff or the server’s retry: delay (2 s by default), whichever is longer, then recovery.',
      fault: { kind: 'status', status: 503, count: 3 },
    },
    {
      label: `Stall ${stallMs / 1000} s`,
      description: stall,
      fault: { kind: 'stall', ms: stallMs },
    },
    { label: 'Bad MIME', description: badMime, fault: { kind: 'bad-mime', count: 1 } },
    {
      label: '204',
      description: noContent,
      fault: { kind: 'no-content' },
    },
  ];
}
