import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import type { JobProgress } from '../src/wire.ts';
import { MAX_JOBS_PER_USER } from '../src/jobs.ts';
import { call, login, startServer, type Server } from './helpers.ts';
import { dataOf, SseStream, type Frame } from './sse-client.ts';

const progressOf = (frames: Frame[], jobId: string) =>
  frames
    .filter((f) => f.event === 'job-progress')
    .map((f) => dataOf<JobProgress>(f))
    .filter((job) => job.jobId === jobId);

const finished = (frames: Frame[], jobId: string) =>
  progressOf(frames, jobId).some((job) => !['queued', 'running'].includes(job.state));

describe('jobs', () => {
  let server: Server;
  let cookie: string;
  let stream: SseStream;
  const start = (json: unknown) => call(`${server.url}/api/jobs`, { cookie, json });

  before(async () => {
    server = await startServer();
    cookie = await login(server.url, 'alice');
    stream = await SseStream.open(`${server.url}/api/events?topics=jobs`, cookie);
  });
  after(async () => {
    stream.close();
    await server.stop();
  });

  it('returns 202 with a queued job, then streams progress up to done', async () => {
    const response = await start({ name: 'export', durationMs: 200 });
    assert.equal(response.status, 202);
    const job = response.body as JobProgress;
    assert.deepEqual(
      { ...job, jobId: 'x' },
      {
        jobId: 'x',
        name: 'export',
        percent: 0,
        state: 'queued',
        etaMs: 200,
      },
    );
    await stream.waitFor((f) => finished(f, job.jobId));
    const updates = progressOf(stream.frames, job.jobId);
    assert.equal(updates[0].state, 'queued');
    assert.ok(updates.length >= 5, 'several progress steps');
    const percents = updates.map((u) => u.percent);
    assert.deepEqual(
      percents,
      [...percents].sort((a, b) => a - b),
      'percent never goes back',
    );
    assert.deepEqual(updates.at(-1), { ...job, percent: 100, state: 'done', etaMs: 0 });
    assert.ok(updates.slice(1, -1).every((u) => u.state === 'running' && u.etaMs > 0));
  });

  it('fails at failAt', async () => {
    const job = (await start({ name: 'flaky', durationMs: 200, failAt: 37 })).body as JobProgress;
    await stream.waitFor((f) => finished(f, job.jobId));
    const last = progressOf(stream.frames, job.jobId).at(-1)!;
    assert.equal(last.state, 'failed');
    assert.equal(last.percent, 37);
  });

  it('cancels a running job (cancelled event), then 409; unknown ids are 404', async () => {
    const job = (await start({ name: 'long', durationMs: 60_000 })).body as JobProgress;
    const cancel = () => call(`${server.url}/api/jobs/${job.jobId}`, { method: 'DELETE', cookie });
    const response = await cancel();
    assert.equal(response.status, 200);
    assert.equal((response.body as JobProgress).state, 'cancelled');
    await stream.waitFor((f) => finished(f, job.jobId));
    assert.equal(progressOf(stream.frames, job.jobId).at(-1)!.state, 'cancelled');

    const again = await cancel();
    assert.equal(again.status, 409);
    assert.equal((again.body as { error: string }).error, 'conflict');
    const unknown = await call(`${server.url}/api/jobs/nope`, { method: 'DELETE', cookie });
    assert.equal(unknown.status, 404);
    assert.equal((unknown.body as { error: string }).error, 'not-found');
  });

  it("lists the user's jobs only", async () => {
    const mine = (
      (await call(`${server.url}/api/jobs`, { cookie })).body as { jobs: JobProgress[] }
    ).jobs;
    assert.deepEqual(
      mine.map((j) => [j.name, j.state]),
      [
        ['export', 'done'],
        ['flaky', 'failed'],
        ['long', 'cancelled'],
      ],
    );
    const bob = await login(server.url, 'bob');
    assert.deepEqual((await call(`${server.url}/api/jobs`, { cookie: bob })).body, { jobs: [] });
    const theirs = await call(`${server.url}/api/jobs/${mine[0].jobId}`, {
      method: 'DELETE',
      cookie: bob,
    });
    assert.equal(theirs.status, 404, "another user's job does not exist for bob");
  });

  it('keeps 100 jobs per user: drops finished ones first, 429 when none has finished', async () => {
    const carol = await login(server.url, 'carol');
    const create = (name: string) =>
      call(`${server.url}/api/jobs`, { cookie: carol, json: { name, durationMs: 600_000 } });
    const first = (await create('job-0')).body as JobProgress;
    for (let i = 1; i < MAX_JOBS_PER_USER; i++)
      assert.equal((await create(`job-${i}`)).status, 202);
    const full = await create('one too many');
    assert.equal(full.status, 429);
    assert.equal((full.body as { error: string }).error, 'too-many-jobs');

    await call(`${server.url}/api/jobs/${first.jobId}`, { method: 'DELETE', cookie: carol });
    assert.equal((await create('fits again')).status, 202);
    const { jobs } = (await call(`${server.url}/api/jobs`, { cookie: carol })).body as {
      jobs: JobProgress[];
    };
    assert.equal(jobs.length, MAX_JOBS_PER_USER);
    assert.equal(jobs[0].name, 'job-1', 'the cancelled job was forgotten');
    assert.equal(jobs.at(-1)!.name, 'fits again');
  });

  it('rejects invalid bodies with 400 naming the field', async () => {
    const cases: [unknown, string][] = [
      [{}, 'name'],
      [{ name: '' }, 'name'],
      [{ name: ' \t ' }, 'name'],
      [{ name: 'x', durationMs: 5 }, 'durationMs'],
      [{ name: 'x', failAt: 0 }, 'failAt'],
      [{ name: 'x', failAt: 100 }, 'failAt'],
      [{ name: 'x', failAt: 1.5 }, 'failAt'],
    ];
    for (const [json, field] of cases) {
      const response = await start(json);
      assert.equal(response.status, 400, JSON.stringify(json));
      assert.equal((response.body as { detail: { field: string } }).detail.field, field);
    }
  });
});
