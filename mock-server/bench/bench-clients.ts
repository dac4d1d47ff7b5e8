/**
 * The client side of the server benchmark, run in its own process: opens N concurrent SSE
 * streams over raw `http` (one socket each), has the server broadcast metric events stamped
 * with their send time, and reports delivery latency and the server's memory.
 */
import { Agent, get, type ClientRequest } from 'node:http';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    clients: { type: 'string' },
    rate: { type: 'string' },
  },
});
const base = new URL(values.url ?? '');
if (base.hostname !== '127.0.0.1') throw new Error('the benchmark only targets loopback');
const clients = Number(values.clients);
const rate = Number(values.rate);
const EVENTS = 100;
const USERS = 10;
const OPENING_IN_FLIGHT = 256;
const GOALS = { p99Ms: 250, rssBytes: 400 * 2 ** 20, heapSlackBytes: 10 * 2 ** 20 };

interface Memory {
  rss: number;
  heapUsed: number;
}

const cookies = await Promise.all(Array.from({ length: USERS }, (_, i) => login(`bench-${i}`)));
const before = await memory();

// One socket per stream, as separate browsers would have.
const agent = new Agent({ keepAlive: false, maxSockets: Infinity });
const latencies = new Float64Array(clients * EVENTS);
let received = 0;
let failures = 0;
const requests: ClientRequest[] = [];

const openStartedAt = performance.now();
for (let next = 0; next < clients;) {
  const batch = Math.min(OPENING_IN_FLIGHT, clients - next);
  await Promise.all(Array.from({ length: batch }, () => open(cookies[next++ % USERS])));
}
const openSeconds = (performance.now() - openStartedAt) / 1000;
const connected = await memory();

const expected = (clients - failures) * EVENTS;
const load = { event: 'metric', count: EVENTS, ratePerSec: rate, broadcast: true };
await api('/api/load', cookies[0], load);
const deliveryDeadline = Date.now() + (EVENTS / rate) * 1000 + 30_000;
while (received < expected && Date.now() < deliveryDeadline) await sleep(50);
const afterBroadcast = await memory();

for (const request of requests) request.destroy();
const drainDeadline = Date.now() + 30_000;
while ((await openStreams()) > 0 && Date.now() < drainDeadline) await sleep(100);
const disconnected = await memory();

const sorted = latencies.subarray(0, received).sort();
const percentile = (p: number) => sorted[Math.min(received - 1, Math.floor(p * received))];
const p99 = percentile(0.99);
const checks: [string, boolean][] = [
  [`p99 latency < ${GOALS.p99Ms} ms`, p99 < GOALS.p99Ms],
  [`server RSS < ${mb(GOALS.rssBytes)}`, afterBroadcast.rss < GOALS.rssBytes],
  [
    `heap back near baseline (< +${mb(GOALS.heapSlackBytes)})`,
    disconnected.heapUsed < before.heapUsed + GOALS.heapSlackBytes,
  ],
  ['every event delivered', received === clients * EVENTS],
];

const rows: [string, string][] = [
  ['clients', `${clients} streams on loopback, ${USERS} sessions, one socket each`],
  ['streams opened', `${clients - failures}/${clients} in ${openSeconds.toFixed(1)} s`],
  ['events', `${EVENTS} metric events broadcast at ${rate}/s`],
  ['events delivered', `${received}/${clients * EVENTS}`],
  ['latency p50', `${percentile(0.5).toFixed(0)} ms`],
  ['latency p99', `${p99.toFixed(0)} ms (max ${sorted[received - 1]?.toFixed(0)} ms)`],
  ['server RSS before', `${mb(before.rss)} (no streams)`],
  ['server RSS with streams', `${mb(connected.rss)} (all open, before the broadcast)`],
  ['server RSS after', `${mb(afterBroadcast.rss)} (all open, after the broadcast)`],
  ['server heap before', `${mb(before.heapUsed)} (after GC)`],
  ['server heap after', `${mb(afterBroadcast.heapUsed)} (all open, after GC)`],
  ['server heap disconnected', `${mb(disconnected.heapUsed)} (all closed, after GC)`],
  ['server RSS disconnected', mb(disconnected.rss)],
  ...checks.map(([goal, ok]): [string, string] => [`goal: ${goal}`, ok ? 'PASS' : 'FAIL']),
];
for (const [label, value] of rows) console.log(`${label.padEnd(44)} ${value}`);
process.exit(checks.every(([, ok]) => ok) ? 0 : 1);

/** Opens one stream; resolves once its first bytes arrived (or it failed). */
function open(cookie: string): Promise<void> {
  return new Promise((resolve) => {
    const request = get(
      new URL('/api/events?topics=metrics', base),
      { agent, headers: { cookie, accept: 'text/event-stream' } },
      (response) => {
        if (response.statusCode !== 200) {
          failures++;
          response.resume();
          return resolve();
        }
        let buffer = '';
        response.setEncoding('utf8');
        response.once('data', () => resolve());
        response.on('data', (chunk: string) => {
          const now = Date.now();
          buffer += chunk;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const at = /"at":(\d+)/.exec(buffer.slice(0, end));
            if (at && received < latencies.length) latencies[received++] = now - Number(at[1]);
            buffer = buffer.slice(end + 2);
          }
        });
        response.on('error', () => undefined); // destroyed at the end, on purpose
      },
    );
    request.on('error', () => {
      failures++;
      resolve();
    });
    requests.push(request);
  });
}

async function api(path: string, cookie?: string, body?: unknown): Promise<Response> {
  const response = await fetch(new URL(path, base), {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      ...(cookie && { cookie }),
      ...(body !== undefined && { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`);
  return response;
}

async function login(username: string): Promise<string> {
  const response = await api('/api/session', undefined, { username });
  return response.headers.getSetCookie()[0].split(';')[0];
}

async function memory(): Promise<Memory> {
  return (await (await api('/api/debug/memory', cookies[0])).json()) as Memory;
}

async function openStreams(): Promise<number> {
  const health = (await (await api('/api/health')).json()) as { streams: { total: number } };
  return health.streams.total;
}

function mb(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(1)} MB`;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
