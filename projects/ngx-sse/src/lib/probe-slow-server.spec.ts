import { withHeartbeatTimeout, withMaxEventSize } from 'ngx-sse';

import { eventStream, noResponse, probeStream, recordingFetch } from './probe.spec-helper';
import { until } from './sse-stub.spec-helper';

/**
 * A body the spec writes to piece by piece, which errors when `signal` aborts, as a fetch body
 * does; `cancelled` once the reader gave up on it.
 */
function heldBody(signal?: AbortSignal | null) {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = {
    cancelled: false,
    stream: new ReadableStream<Uint8Array>({
      start: (c) => {
        controller = c;
        signal?.addEventListener('abort', () => c.error(signal.reason));
      },
      cancel: () => void (body.cancelled = true),
    }),
    write: (text: string) => controller.enqueue(new TextEncoder().encode(text)),
  };
  return body;
}

/** Lets reads and promise callbacks run. */
const settle = () => new Promise((resolve) => setTimeout(resolve));

const features = [withHeartbeatTimeout(1000), withMaxEventSize(64)];

/**
 * Opens a probe stream on `wire` (a 1 s heartbeat timeout) and, once `started` resolves, checks
 * that a second of silence ends the attempt as `idle-timeout` and aborts its request.
 */
async function expectIdleTimeoutAborts(
  wire: ReturnType<typeof recordingFetch>,
  started: (probe: ReturnType<typeof probeStream>) => Promise<unknown>,
): Promise<void> {
  const probe = probeStream(wire.fetch, { features });
  await started(probe);
  probe.scheduler.tick(1000);
  await probe.reached('reconnecting');
  expect(probe.stream.state()).toEqual(jasmine.objectContaining({ reason: 'idle-timeout' }));
  expect(wire.requests[0].init.signal!.aborted).toBeTrue();
  probe.stream.close();
  expect(wire.open()).toBe(0);
}

describe('probe: a server that is slow on purpose', () => {
  it('never sends headers: the heartbeat timeout ends the attempt (idle-timeout) and aborts it', async () => {
    const wire = recordingFetch((_, init) => noResponse(init));
    await expectIdleTimeoutAborts(wire, () =>
      until(() => wire.requests.length === 1, 'the request'),
    );
  });

  it('sends headers, then never a byte: idle-timeout, and the attempt is aborted', async () => {
    const wire = recordingFetch((n, init) =>
      eventStream(n === 1 ? heldBody(init.signal).stream : null),
    );
    await expectIdleTimeoutAborts(wire, (probe) => probe.reached('open'));
  });

  it('trickles one byte a second without a newline: alive, but bounded by maxEventSize', async () => {
    const body = heldBody();
    const wire = recordingFetch(() => eventStream(body.stream));
    const { stream, data, errors, scheduler, reached } = probeStream(wire.fetch, { features });
    await reached('open');
    const seen = new Set<string>();
    stream.state$.subscribe((state) => seen.add(state.status));
    // Bytes count as liveness: 64 of them over 58 s never trip the 1 s heartbeat timeout.
    body.write('data: ');
    for (let i = 0; i < 58; i++) {
      scheduler.tick(999);
      body.write('x');
      await settle();
    }
    expect(stream.state().status).toBe('open');
    body.write('y');
    await reached('closed');
    expect(stream.state()).toEqual(jasmine.objectContaining({ reason: 'too-large' }));
    expect([...seen]).toEqual(['open', 'closed']);
    expect(errors.map((e) => e.reason)).toEqual(['too-large']);
    expect(data).toEqual([]);
    await until(() => body.cancelled, 'the body cancelled');
    expect(wire.open()).toBe(0);
  });
});
