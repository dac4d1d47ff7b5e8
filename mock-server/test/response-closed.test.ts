import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import type { ServerResponse } from 'node:http';
import { describe, it } from 'node:test';

import { onceClosed } from '../src/response-closed.ts';

/** A response and its request's socket, as far as `onceClosed` looks at them. */
function fakeResponse(state: { closed?: boolean; socketDestroyed?: boolean } = {}) {
  const socket = Object.assign(new EventEmitter(), { destroyed: state.socketDestroyed ?? false });
  // `socket: null`: a response still queued behind another, not yet given the connection.
  const res = Object.assign(new EventEmitter(), {
    closed: state.closed ?? false,
    socket: null,
    req: { socket },
  });
  return { res, socket, asResponse: res as unknown as ServerResponse };
}

describe('onceClosed', () => {
  it('fires once on the response closing, and leaves no listener on the kept-alive socket', () => {
    const { res, socket, asResponse } = fakeResponse();
    let calls = 0;
    onceClosed(asResponse, () => calls++);
    res.emit('close');
    socket.emit('close');
    assert.equal(calls, 1);
    assert.equal(socket.listenerCount('close'), 0);
    assert.equal(res.listenerCount('close'), 0);
  });

  it('fires on the socket closing when the response never does (queued behind another)', () => {
    const { socket, asResponse } = fakeResponse();
    let calls = 0;
    onceClosed(asResponse, () => calls++);
    socket.emit('close');
    assert.equal(calls, 1);
  });

  it('listens on the connection only for a response not attached to it yet', () => {
    const { res, socket, asResponse } = fakeResponse();
    Object.assign(res, { socket });
    let calls = 0;
    onceClosed(asResponse, () => calls++);
    assert.equal(socket.listenerCount('close'), 0, 'its own close is reliable');
    res.emit('close');
    assert.equal(calls, 1);
  });

  it('fires on the next microtask when the client had already left', async () => {
    for (const state of [{ closed: true }, { socketDestroyed: true }]) {
      const { asResponse } = fakeResponse(state);
      let calls = 0;
      onceClosed(asResponse, () => calls++);
      assert.equal(calls, 0, 'not synchronously: the caller finishes its bookkeeping first');
      await Promise.resolve();
      assert.equal(calls, 1, JSON.stringify(state));
    }
  });
});
