import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { HttpTestingController } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { type TestConnection, SseTestingController } from 'ngx-sse/testing';

import type { JobProgress } from '../core/api';
import { openLiveStream, provideLiveTesting, settle } from '../testing/live-testing';
import { JobsPage } from './jobs-page';
import { JobCardHarness } from './testing/job-card-harness';

function progress(overrides: Partial<JobProgress> = {}): JobProgress {
  return { jobId: 'j1', name: 'export', percent: 0, state: 'queued', etaMs: 10_000, ...overrides };
}

describe('JobsPage', () => {
  let fixture: ComponentFixture<JobsPage>;
  let loader: HarnessLoader;
  let http: HttpTestingController;
  let sse: TestConnection;
  let lastId = 0;

  /** Sends a job-progress event over the stream, as the server does. */
  async function push(job: JobProgress): Promise<void> {
    sse.emit('job-progress', job, String(++lastId));
    await fixture.whenStable();
  }

  const card = (name: string): Promise<JobCardHarness> =>
    loader.getHarness(JobCardHarness.with({ name }));

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: provideLiveTesting() });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(JobsPage);
    loader = TestbedHarnessEnvironment.loader(fixture);
    sse = await openLiveStream(fixture);
  });

  afterEach(() => {
    http.verify();
    TestBed.inject(SseTestingController).verify();
  });

  async function loadJobs(jobs: JobProgress[]): Promise<void> {
    http.expectOne('/api/jobs').flush({ jobs });
    await settle(fixture);
  }

  it('shows the jobs the server already has, newest first', async () => {
    await loadJobs([progress(), progress({ jobId: 'j2', name: 'report', state: 'running' })]);
    const cards = await loader.getAllHarnesses(JobCardHarness);
    expect(await Promise.all(cards.map((each) => each.getName()))).toEqual(['report', 'export']);
    expect(fixture.nativeElement.textContent).not.toContain('No jobs yet.');
  });

  it('says "Loading jobs…", not "No jobs yet.", until the list has come', async () => {
    const text = () => fixture.nativeElement.textContent;
    expect(text()).toContain('Loading jobs…');
    expect(text()).not.toContain('No jobs yet.');
    await loadJobs([]);
    expect(text()).not.toContain('Loading jobs…');
    expect(text()).toContain('No jobs yet.');
  });

  it('says a failed load failed, not "No jobs yet.", and loads again on Retry', async () => {
    http
      .expectOne('/api/jobs')
      .flush(
        { error: 'internal-error', detail: 'see the server log' },
        { status: 500, statusText: 'Server Error' },
      );
    await settle(fixture);
    const alert: HTMLElement = fixture.nativeElement.querySelector('app-load-error [role="alert"]');
    expect(alert.textContent).toContain(
      'Could not load the jobs: internal-error: see the server log',
    );
    expect(fixture.nativeElement.textContent).not.toContain('No jobs yet.');

    await (await loader.getHarness(MatButtonHarness.with({ text: /Retry/ }))).click();
    await loadJobs([progress()]);
    expect(fixture.nativeElement.querySelector('app-load-error')).toBeNull();
    expect(await (await card('export')).getState()).toBe('queued');
  });

  it('follows job-progress events: percent, ETA, state and progress bar', async () => {
    await loadJobs([]);
    expect(fixture.nativeElement.textContent).toContain('No jobs yet.');

    await push(progress({ state: 'running', percent: 25, etaMs: 7500 }));
    const job = await card('export');
    expect(await job.getState()).toBe('running');
    expect(await job.getPercent()).toBe(25);
    expect(await job.getEta()).toBe('ETA 8 s');

    await push(progress({ state: 'running', percent: 90, etaMs: 1000 }));
    expect(await job.getPercent()).toBe(90);
    expect(await job.getEta()).toBe('ETA 1 s');

    await push(progress({ state: 'done', percent: 100, etaMs: 0 }));
    expect(await job.getState()).toBe('done');
    expect(await job.getStateIcon()).toBe('check_circle');
    expect(await job.getPercent()).toBe(100);
    expect(await job.getEta()).toBeNull();
    expect(await job.isCancelDisabled()).toBeTrue();
  });

  it('announces a job once when it ends, not its progress', async () => {
    await loadJobs([progress({ state: 'done', percent: 100 })]);
    const announcer = (): string =>
      fixture.nativeElement.querySelector('[data-testid="job-announcer"]').textContent.trim();
    expect(announcer()).toBe('');
    await push(progress({ jobId: 'j2', name: 'report', state: 'running', percent: 10 }));
    await push(progress({ jobId: 'j2', name: 'report', state: 'running', percent: 60 }));
    expect(announcer()).toBe('');
    await push(progress({ jobId: 'j2', name: 'report', state: 'failed', percent: 60 }));
    expect(announcer()).toBe('report: failed');
  });

  it('shows a failed job as failed', async () => {
    await loadJobs([]);
    await push(progress({ state: 'failed', percent: 60, etaMs: 0 }));
    const job = await card('export');
    expect(await job.getState()).toBe('failed');
    expect(await job.getStateIcon()).toBe('error');
    expect(await job.getPercent()).toBe(60);
    expect(await job.isCancelDisabled()).toBeTrue();
  });

  it('cancels with DELETE /api/jobs/:id and shows the cancelled state', async () => {
    await loadJobs([]);
    await push(progress({ jobId: 'a/b', state: 'running', percent: 30 }));
    const job = await card('export');
    await job.cancel();

    const request = http.expectOne('/api/jobs/a%2Fb');
    expect(request.request.method).toBe('DELETE');
    request.flush(progress({ jobId: 'a/b', state: 'cancelled', percent: 30, etaMs: 0 }));
    await settle(fixture);

    expect(await job.getState()).toBe('cancelled');
    expect(await job.getStateIcon()).toBe('cancel');
    expect(await job.isCancelDisabled()).toBeTrue();
  });

  it('shows why a cancel failed', async () => {
    await loadJobs([progress({ state: 'running', percent: 95 })]);
    await (await card('export')).cancel();
    http
      .expectOne('/api/jobs/j1')
      .flush({ error: 'conflict' }, { status: 409, statusText: 'Conflict' });
    await settle(fixture);

    const alert: HTMLElement = fixture.nativeElement.querySelector('[role="alert"]');
    expect(alert.textContent?.trim()).toBe('Could not cancel the job: conflict');
  });

  it('shows a started job at once from the REST reply', async () => {
    await loadJobs([]);
    const name = await loader.getHarness(
      MatInputHarness.with({ selector: '[formControlName="name"]' }),
    );
    await name.setValue('import');
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Start' }))).click();
    http.expectOne('/api/jobs').flush(progress({ jobId: 'j7', name: 'import' }));
    await settle(fixture);

    const job = await card('import');
    expect(await job.getState()).toBe('queued');
    expect(await job.getPercent()).toBe(0);
    expect(await job.isCancelDisabled()).toBeFalse();
  });
});
