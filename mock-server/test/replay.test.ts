import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { History } from '../src/history.ts';
import type { HistoryReset } from '../src/wire.ts';
import { call, login, seqOf, startServer, type Server } from './helpers.ts';
import { dataOf, SseStream, type Frame } from './sse-client.ts';

/** The sequence numbers of the events among `frames` (the first frame's start id excluded). */
const idsOf = (frames: Frame[]) =>
  frames.filter((f) => f.id !== undefined && f.event !== undefined).map((f) => seqOf(f.id!));

describe('replay with Last-Event-ID', () => {
  let server: Server;
  let cookie: string;
  const notify = (title: string) =>
    call(`${server.url}/api/notifications`, { cookie, json: { level: 'INFO', title } });
  const startJob = () =>
    call(`${server.url}/api/jobs`, { cookie, json: { name: 'j', durationMs: 100_000 } });
  const open = (query = '', headers: Record<string, string> = {}) =>
    SseStream.open(`${server.url}/api/events${query}`, cookie, headers);

  /** Publishes a marker and returns the id of its ack, the user's latest event id. */
  const mark = async (): Promise<string> => {
    const stream = await open();
    await notify('mark');
    const frames = await stream.waitFor((f) => f.some((x) => x.event === 'ack'));
    stream.close();
    return frames.find((f) => f.event === 'ack')!.id!;
  };

  before(async () => {
    server = await startServer({ historySize: 6 });
    cookie = await login(server.url, 'alice');
  });
  after(() => server.stop());

  it('replays missed events in order, then continues live without gap or duplicate', async () => {
    const lastId = await mark();
    await notify('two'); // missed while disconnected: notification + ack

    const second = await open('', { 'Last-Event-ID': lastId });
    await notify('three');
    const frames = await second.waitFor((f) => f.filter((x) => x.event === 'ack').length === 2);
    const titles = second.named('notification').map((f) => dataOf(f).title);
    assert.deepEqual(titles, ['two', 'three']);
    const ids = idsOf(frames);
    assert.equal(ids[0], seqOf(lastId) + 1, 'no gap');
    assert.equal(second.frames[0].id, lastId, 'the first frame confirms the resume point');
    assert.deepEqual(
      ids,
      [...new Set(ids)].sort((a, b) => a - b),
      'ordered, no duplicates',
    );
    second.close();
  });

  it('takes lastEventId from the query, but the header wins when both are sent', async () => {
    await notify('q1');
    await notify('q2');
    const zero = `${await server.epoch()}-0`;
    const all = await open(`?lastEventId=${zero}`);
    const frames = await all.waitFor((f) => dataOfTitles(f).includes('q2'));
    all.close();
    const q1 = frames.find((f) => f.event === 'notification' && dataOf(f).title === 'q1')!;
    const q1Ack = frames[frames.indexOf(q1) + 1];

    const fromQuery = await open(`?lastEventId=${q1Ack.id}`);
    await fromQuery.waitFor((f) => f.some((x) => x.event === 'ack'));
    assert.deepEqual(dataOfTitles(fromQuery.frames), ['q2']);
    fromQuery.close();

    const both = await open(`?lastEventId=${zero}`, { 'Last-Event-ID': q1Ack.id! });
    await both.waitFor((f) => f.some((x) => x.event === 'ack'));
    assert.deepEqual(dataOfTitles(both.frames), ['q2']);
    both.close();
  });

  it('replays only the requested topics (acks always)', async () => {
    const lastId = await mark();
    await startJob();
    await notify('topical');
    const stream = await open('?topics=notifications', { 'Last-Event-ID': lastId });
    const frames = await stream.waitFor((f) => f.filter((x) => x.event === 'ack').length === 2);
    assert.deepEqual(
      frames.filter((f) => f.event).map((f) => f.event),
      ['ack', 'notification', 'ack'],
      'the job ack, then the notification and its ack; no job-progress, no reset',
    );
    stream.close();
  });

  it('sends reset before replaying when the id is older than the history', async () => {
    for (const title of ['a', 'b', 'c', 'd']) await notify(title); // 8 events > history of 6
    const epoch = await server.epoch();
    const old = `${epoch}-1`;
    const stream = await open('', { 'Last-Event-ID': old });
    const frames = await stream.waitFor((f) => dataOfTitles(f).includes('d'));
    const reset = frames.find((f) => f.event === 'reset')!;
    assert.equal(reset.id, undefined, 'reset must not move the client Last-Event-ID');
    const data = dataOf<HistoryReset>(reset);
    assert.equal(data.reason, 'history-exceeded');
    assert.equal(data.lastEventId, old);
    const ids = idsOf(frames);
    assert.equal(ids.length, 6, 'then all it still has');
    assert.equal(data.oldestAvailableId, `${epoch}-${ids[0]}`);
    assert.equal(seqOf(frames[0].id!), ids[0] - 1, 'the start id is just before the replay');
    assert.ok(frames.indexOf(reset) < frames.findIndex((f) => f.event && f.id !== undefined));
    stream.close();
  });

  it('names the reason of every other reset: ahead of the head, another run, not an id', async () => {
    const epoch = await server.epoch();
    const cases: [string, string][] = [
      [`${epoch}-999999`, 'ahead-of-head'],
      ['zzzzzz-3', 'server-restarted'],
      ['41', 'unknown-id'],
      ['not-an-id-of-ours', 'unknown-id'],
    ];
    for (const [id, reason] of cases) {
      const stream = await open('', { 'Last-Event-ID': id });
      const frames = await stream.waitFor((f) => f.some((x) => x.event === 'reset'));
      const reset = dataOf<HistoryReset>(frames.find((f) => f.event === 'reset')!);
      assert.deepEqual([reset.reason, reset.lastEventId], [reason, id]);
      assert.equal(idsOf(frames).length, 6, `${id}: then the whole history`);
      stream.close();
    }
  });

  it('answers 400 JSON to text that cannot be an id, naming where it came from', async () => {
    const header = await call(`${server.url}/api/events`, {
      cookie,
      headers: { 'Last-Event-ID': 'x'.repeat(129) },
    });
    assert.equal(header.status, 400);
    assert.equal((header.body as { detail: { field: string } }).detail.field, 'Last-Event-ID');
    const query = await call(`${server.url}/api/events?lastEventId=a%20b`, { cookie });
    assert.equal(query.status, 400);
    assert.equal((query.body as { detail: { field: string } }).detail.field, 'lastEventId');
  });
});

describe('History', () => {
  const event = (id: number) => ({ id, topic: null, frame: Buffer.from(`${id}`) });

  it('keeps the newest events and reports a gap only for evicted ones', () => {
    const history = new History(3, 10);
    [11, 12, 13, 14, 15].forEach((id) => history.push(event(id)));
    assert.deepEqual(
      history.since(12).events.map((e) => e.id),
      [13, 14, 15],
    );
    assert.equal(history.since(12).gap, false);
    assert.equal(history.since(11).gap, true, '12 was evicted');
    assert.equal(history.since(9).oldestAvailableId, 13);
  });

  it('treats ids from before it began as a gap, and a zero capacity as always a gap', () => {
    assert.equal(new History(5, 10).since(3).gap, true);
    const none = new History(0, 0);
    none.push(event(1));
    assert.deepEqual(none.since(0), { events: [], gap: true, oldestAvailableId: null });
  });
});

function dataOfTitles(frames: Frame[]): string[] {
  return frames.filter((f) => f.event === 'notification').map((f) => String(dataOf(f).title));
}
