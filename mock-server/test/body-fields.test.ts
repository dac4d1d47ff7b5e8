import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { call, login, startServer, type Server } from './helpers.ts';

interface Refusal {
  error: string;
  detail: { field: string; message: string };
}

// Every JSON body the API takes, each valid, so one extra or forbidden key is the only fault.
const BODIES: [path: string, body: Record<string, unknown>][] = [
  ['/api/session', { username: 'alice' }],
  ['/api/notifications', { level: 'INFO', title: 'x' }],
  ['/api/notifications/read', { ids: ['n1'] }],
  ['/api/jobs', { name: 'x' }],
  ['/api/chat', { prompt: 'hi' }],
  ['/api/faults', { kind: 'drop' }],
  ['/api/faults', { kind: 'stall', ms: 10 }],
  ['/api/faults', { kind: 'status', status: 503 }],
  ['/api/faults', { kind: 'bad-mime' }],
  ['/api/faults', { kind: 'no-content' }],
  ['/api/load', { event: 'metric', count: 1, ratePerSec: 1 }],
];

describe('body fields', () => {
  let server: Server;
  let cookie: string;

  before(async () => {
    server = await startServer({ faults: true });
    cookie = await login(server.url, 'alice');
  });
  after(() => server.stop());

  const post = async (path: string, body: string) => {
    const response = await fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body,
    });
    return { status: response.status, body: (await response.json()) as Refusal };
  };

  it('refuses an unknown field on every body with 400 naming it, instead of ignoring it', async () => {
    for (const [path, body] of BODIES) {
      const sent = JSON.stringify({ ...body, colour: 'red' });
      const { status, body: refusal } = await post(path, sent);
      assert.equal(status, 400, `${path} ${sent}`);
      assert.equal(refusal.error, 'bad-request');
      assert.deepEqual(refusal.detail, {
        field: 'colour',
        message: 'unknown field: not part of this body',
      });
    }
  });

  it('refuses the misspellings the review found, which used to get the defaults', async () => {
    const job = await post('/api/jobs', '{"name":"x","duration":500}');
    assert.equal(job.status, 400);
    assert.equal(job.body.detail.field, 'duration');
    const fault = await post('/api/faults', '{"kind":"drop","count":5}');
    assert.equal(fault.status, 400);
    assert.equal(fault.body.detail.field, 'count');
    const jobs = (await call(`${server.url}/api/jobs`, { cookie })).body as { jobs: unknown[] };
    assert.deepEqual(jobs.jobs, [], 'nothing was started');
  });

  it('names a forbidden prototype key instead of calling the JSON invalid', async () => {
    const cases: [string, string][] = [
      ['{"name":"x","__proto__":{"admin":true}}', '__proto__'],
      ['{"name":"x","constructor":{"prototype":{"admin":true}}}', 'constructor.prototype'],
    ];
    for (const [sent, field] of cases) {
      const { status, body } = await post('/api/jobs', sent);
      assert.equal(status, 400, sent);
      assert.equal(body.detail.field, field);
      assert.match(body.detail.message, /^forbidden key/);
    }
    const broken = await post('/api/jobs', '{"name":');
    assert.equal(broken.body.detail.field, 'body', 'malformed JSON is still reported as such');
  });
});
