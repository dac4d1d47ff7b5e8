import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';

import { call, eventually, login, startServer, type Server } from './helpers.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** `npm run tail -- ...args` as a user would run it, with its output collected line by line. */
function runTail(args: string[]) {
  const child = spawn('npm', ['run', '--silent', 'tail', '--', ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so Ctrl-C (below) reaches the client behind npm and sh.
    detached: true,
  });
  const out: string[] = [];
  const err: string[] = [];
  const collect = (into: string[]) => (chunk: Buffer) =>
    into.push(...chunk.toString().split('\n').filter(Boolean));
  child.stdout.on('data', collect(out));
  child.stderr.on('data', collect(err));
  const exited = once(child, 'exit').then(([code]) => code as number);
  return { child, out, err, exited };
}

/** Ctrl-C, as a terminal sends it: to the whole process group. */
function stop(child: ChildProcess): void {
  process.kill(-child.pid!, 'SIGINT');
}

describe('npm run tail', () => {
  let server: Server;
  let cookie: string;
  const notify = (title: string) =>
    call(`${server.url}/api/notifications`, { cookie, json: { level: 'INFO', title } });

  before(async () => {
    server = await startServer({ faults: true, retryMs: 200 });
    cookie = await login(server.url, 'alice');
  });
  after(() => server.stop());

  it('prints named events with ids and survives a drop without losing one', async () => {
    const url = `${server.url}/api/events?topics=notifications`;
    const tail = runTail([url, '--user', 'alice']);
    await eventually(() => tail.err.some((l) => l.startsWith('tail: connected')), 15_000);
    await notify('n1');
    await notify('n2');
    await eventually(() => tail.out.filter((l) => / ack /.test(l)).length === 2);
    await call(`${server.url}/api/faults`, { cookie, json: { kind: 'drop' } });
    // Published while the client is away: the resume must bring them.
    await notify('n3');
    await notify('n4');
    await eventually(() => tail.out.filter((l) => / ack /.test(l)).length === 4, 10_000);
    stop(tail.child);
    await tail.exited;

    const notifications = tail.out.filter((l) => / notification /.test(l));
    const titles = notifications.map((l) => JSON.parse(l.slice(l.indexOf('{'))).title);
    assert.deepEqual(titles, ['n1', 'n2', 'n3', 'n4'], 'each once, in order');
    for (const line of tail.out) {
      assert.match(line, /^\d\d:\d\d:\d\d\.\d{3} (notification|ack) id=[0-9a-z]+-\d+ \{/);
    }
    assert.ok(tail.err.some((l) => /reconnecting in \d+ ms \(Last-Event-ID: /.test(l)));
  });

  it('exits non-zero with a one-line reason on 401, 404 and a wrong content type', async () => {
    await call(`${server.url}/api/faults`, { cookie, json: { kind: 'bad-mime' } });
    const cases: [string[], RegExp][] = [
      [[`${server.url}/api/events`], /^tail: 401 unauthorized: /],
      [[`${server.url}/api/nope`, '--user', 'bob'], /^tail: 404 not-found: /],
      [[`${server.url}/api/events`, '--user', 'alice'], /^tail: not an event stream: /],
    ];
    for (const [args, reason] of cases) {
      const tail = runTail(args);
      assert.equal(await tail.exited, 1, args.join(' '));
      assert.match(tail.err.at(-1) ?? '', reason);
    }
  });

  it('prints comments only with --comments', async () => {
    const tail = runTail([`${server.url}/api/events?topics=jobs`, '--user', 'carol', '--comments']);
    await eventually(() => tail.out.some((l) => / : stream \d+ for carol$/.test(l)), 15_000);
    stop(tail.child);
    await tail.exited;
  });
});
