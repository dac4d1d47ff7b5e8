import type { ServerResponse } from 'node:http';

/**
 * Calls `fn` once, when a stream's response can no longer reach its client: on the response's
 * own `close`, or on its connection's. Node attaches a response pipelined behind another to
 * the socket only when the one ahead finishes, which an event stream never does, and emits no
 * `close` on it when that socket goes: a stream opened for it would stay counted for ever.
 * A response already closed (the client left while the hooks ran) calls `fn` on the next
 * microtask.
 *
 * @example
 * onceClosed(reply.raw, () => clearInterval(timer));
 */
export function onceClosed(res: ServerResponse, fn: () => void): void {
  const socket = res.req.socket;
  let called = false;
  const fire = () => {
    if (called) return;
    called = true;
    res.off('close', fire);
    socket.off('close', fire);
    fn();
  };
  if (res.closed || socket.destroyed) {
    queueMicrotask(fire);
    return;
  }
  // `on`, not `once`: `fire` removes itself, and once-wrappers cost memory on 10 000 streams.
  res.on('close', fire);
  // Only a response still queued (no socket yet) needs the connection's close as well.
  if (!res.socket) socket.on('close', fire);
}
