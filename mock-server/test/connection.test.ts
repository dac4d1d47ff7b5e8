import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import type { ServerResponse } from 'node:http';
import { describe, it } from 'node:test';

import { SseConnection } from '../src/connection.ts';
import { eventually } from './helpers.ts';

/** Just enough of a ServerResponse to drive backpressure by hand. */
class FakeResponse extends EventEmitter {
  readonly writes: string[] = [];
  full = false;
  ended = false;
  destroyed = false;
  closed = false;
  socket = { destroySoon: () => undefined };
  /** The request's connection, which `onceClosed` also listens to. */
  req = { socket: Object.assign(new EventEmitter(), { destroyed: false }) };
  corks = 0;

  write(chunk: string | Buffer): boolean {
    if (this.ended || this.destroyed) throw new Error('write after end');
    this.writes.push(String(chunk));
    return !this.full;
  }
  cork(): void {
    this.corks++;
  }
  uncork(): void {
    this.corks--;
  }
  end(chunk?: string): void {
    if (chunk !== undefined) this.writes.push(chunk);
    this.ended = true;
  }
  destroy(): void {
    this.destroyed = true;
  }
}

function connection(maxBufferBytes = 100) {
  const res = new FakeResponse();
  const closed: string[] = [];
  const info = { user: 'alice', session: 's', topics: new Set(['jobs'] as const), remote: '-' };
  const conn = new SseConnection(res as unknown as ServerResponse, info, maxBufferBytes, (_, r) =>
    closed.push(r),
  );
  return { res, conn, closed };
}

describe('SseConnection', () => {
  it('writes at once while the socket accepts data', () => {
    const { res, conn } = connection();
    conn.send('a');
    conn.send('b');
    assert.deepEqual(res.writes, ['a', 'b']);
  });

  it('corks the response for the rest of the tick, so a burst leaves in one write', async () => {
    const { res, conn } = connection();
    conn.send('a');
    conn.send(Buffer.from('b'));
    assert.equal(res.corks, 1, 'corked once, however many frames');
    await new Promise((resolve) => process.nextTick(resolve));
    assert.equal(res.corks, 0, 'uncorked when the tick ends');
    conn.send('c');
    assert.equal(res.corks, 1, 'and corked again by the next write');
  });

  it('queues after write() returns false and flushes in order on drain', () => {
    const { res, conn } = connection();
    res.full = true;
    conn.send('a'); // accepted by the socket, which is now full
    conn.send('b');
    conn.heartbeat(': hb\n\n'); // not worth queueing
    conn.send('c');
    assert.deepEqual(res.writes, ['a']);
    res.full = false;
    res.emit('drain');
    assert.deepEqual(res.writes, ['a', 'bc']);
  });

  it('disconnects a client whose queue grows over the limit', () => {
    const { res, conn, closed } = connection(10);
    res.full = true;
    conn.send('first');
    conn.send('123456');
    assert.equal(res.destroyed, false);
    conn.send('7890X');
    assert.equal(res.destroyed, true);
    conn.send('more'); // ignored, not queued
    res.emit('close');
    assert.deepEqual(closed, ['slow client: over 10 buffered bytes']);
  });

  it('ends with a comment that says why, then writes nothing, even before the close event arrives', () => {
    const { res, conn, closed } = connection();
    conn.end('fault: drop');
    assert.equal(res.ended, true);
    assert.deepEqual(res.writes, [': stream ended: fault: drop\n\n']);
    assert.doesNotThrow(() => conn.send('late'));
    res.emit('close');
    assert.deepEqual(closed, ['fault: drop']);
  });

  it('destroys instead of ending when the socket is backed up', () => {
    const { res, conn } = connection();
    res.full = true;
    conn.send('a');
    conn.end('server shutdown');
    assert.equal(res.destroyed, true);
    assert.equal(res.ended, false);
  });

  it('holds everything during a stall, then flushes what was queued', async () => {
    const { res, conn } = connection();
    conn.stall(50);
    conn.send('a');
    conn.heartbeat(': hb\n\n');
    conn.send('b');
    assert.deepEqual(res.writes, []);
    await eventually(() => res.writes.length > 0);
    assert.deepEqual(res.writes, ['ab']);
  });

  it('accepts its topics and topic-less events only', () => {
    const { conn } = connection();
    assert.equal(conn.accepts('jobs'), true);
    assert.equal(conn.accepts(null), true);
    assert.equal(conn.accepts('metrics'), false);
  });
});
