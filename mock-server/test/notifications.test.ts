import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { call, login, seqOf, startServer, type Server } from './helpers.ts';
import { dataOf, SseStream } from './sse-client.ts';

describe('POST /api/notifications', () => {
  let server: Server;
  let cookie: string;
  const post = (json: unknown, headers: Record<string, string> = {}) =>
    call(`${server.url}/api/notifications`, { cookie, json, headers });

  before(async () => {
    server = await startServer();
    cookie = await login(server.url, 'alice');
  });
  after(() => server.stop());

  it('returns 201 with the notification, then streams it followed by its ack', async () => {
    const stream = await SseStream.open(`${server.url}/api/events?topics=notifications`, cookie);
    const response = await post(
      { level: 'WARNING', title: 'Disk', message: 'almost full' },
      { 'X-Request-Id': 'req-42' },
    );
    assert.equal(response.status, 201);
    assert.equal(response.headers.get('x-request-id'), 'req-42');
    const created = response.body as Record<string, string>;
    assert.equal(created['level'], 'WARNING');
    assert.equal(created['title'], 'Disk');
    assert.equal(created['message'], 'almost full');
    assert.match(created['id'], /^[0-9a-f-]{36}$/);
    assert.equal(new Date(created['createdAt']).toISOString(), created['createdAt']);

    await stream.waitFor((f) => f.some((x) => x.event === 'ack'));
    const [notification, ack] = stream.events;
    assert.equal(notification.event, 'notification');
    assert.deepEqual(dataOf(notification), created);
    const ackData = dataOf(ack);
    assert.equal(ackData['requestId'], 'req-42');
    assert.equal(ackData['resource'], 'notification');
    assert.equal(ackData['id'], created['id']);
    assert.equal(typeof ackData['at'], 'number');
    assert.ok(seqOf(ack.id!) > seqOf(notification.id!));
    stream.close();
  });

  it('generates a request id when none is sent and echoes it', async () => {
    const stream = await SseStream.open(`${server.url}/api/events?topics=jobs`, cookie);
    const response = await post({ level: 'INFO', title: 'no id' });
    const requestId = response.headers.get('x-request-id');
    assert.match(requestId ?? '', /^[0-9a-f-]{36}$/);
    const [ack] = await stream.waitFor((f) => f.some((x) => x.event === 'ack'));
    assert.ok(ack);
    assert.equal(dataOf(stream.named('ack')[0])['requestId'], requestId);
    assert.equal((response.body as { message: string }).message, '', 'message defaults to ""');
    stream.close();
  });

  it('rejects invalid bodies with 400 naming the field', async () => {
    const cases: [unknown, string][] = [
      [{ title: 'x' }, 'level'],
      [{ level: 'DEBUG', title: 'x' }, 'level'],
      [{ level: 'INFO' }, 'title'],
      [{ level: 'INFO', title: '' }, 'title'],
      [{ level: 'INFO', title: '   ' }, 'title'],
      [{ level: 'INFO', title: 'x'.repeat(201) }, 'title'],
      [{ level: 'INFO', title: 'x', message: 'm'.repeat(2001) }, 'message'],
      [{ level: 'INFO', title: 'x', message: 5 }, 'message'],
      [[], 'body'],
    ];
    for (const [json, field] of cases) {
      const response = await post(json);
      assert.equal(response.status, 400, JSON.stringify(json));
      const { error, detail } = response.body as { error: string; detail: { field: string } };
      assert.equal(error, 'bad-request');
      assert.equal(detail.field, field, JSON.stringify(json));
    }
    assert.equal((await post({ level: 'INFO', title: 'x'.repeat(200) })).status, 201);
    assert.equal((await post({ level: 'INFO', title: ' x ' })).status, 201, 'padding is kept');
  });

  it('rejects a malformed X-Request-Id header, naming it', async () => {
    const response = await post({ level: 'INFO', title: 'x' }, { 'X-Request-Id': 'has space' });
    assert.equal(response.status, 400);
    assert.equal((response.body as { detail: { field: string } }).detail.field, 'x-request-id');
  });
});
