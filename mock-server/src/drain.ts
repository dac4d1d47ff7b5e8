import type { Server } from 'node:http';
import type { Socket } from 'node:net';

/**
 * Node's `server.close()` waits for every socket but only reaps idle keep-alive ones: a socket
 * opened without a request yet (browsers preconnect) holds shutdown until the client times out.
 * This tracks requests per socket; the returned function, called on shutdown, closes idle
 * sockets at once and the others as soon as their last in-flight request completes.
 */
export function trackInFlight(server: Server): () => void {
  const inFlight = new Map<Socket, number>();
  let draining = false;

  server.on('connection', (socket: Socket) => {
    inFlight.set(socket, 0);
    socket.once('close', () => inFlight.delete(socket));
  });
  server.on('request', (request, response) => {
    const socket: Socket = request.socket;
    inFlight.set(socket, (inFlight.get(socket) ?? 0) + 1);
    response.once('close', () => {
      const left = inFlight.get(socket);
      if (left === undefined) return;
      inFlight.set(socket, left - 1);
      if (draining && left === 1) socket.destroySoon();
    });
  });

  return () => {
    draining = true;
    for (const [socket, count] of inFlight) if (count === 0) socket.destroy();
  };
}
