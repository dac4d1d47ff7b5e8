import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { HttpTestingController } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatInputHarness } from '@angular/material/input/testing';

import { JobStore } from '../core/job-store';
import { provideLiveTesting, settle } from '../testing/live-testing';
import { subscriptOverflow } from '../testing/subscript-overflow';
import { StartJobForm } from './start-job-form';

describe('StartJobForm', () => {
  let fixture: ComponentFixture<StartJobForm>;
  let loader: HarnessLoader;
  let http: HttpTestingController;

  const input = (name: string): Promise<MatInputHarness> =>
    loader.getHarness(MatInputHarness.with({ selector: `[formControlName="${name}"]` }));
  const start = async (): Promise<void> =>
    (await loader.getHarness(MatButtonHarness.with({ text: 'Start' }))).click();
  const errors = (): string[] =>
    [...fixture.nativeElement.querySelectorAll('mat-error, [role="alert"]')].map((element) =>
      element.textContent.trim(),
    );

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: provideLiveTesting() });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(StartJobForm);
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  it('sends the duration in milliseconds and the failure point, then resets', async () => {
    await (await input('name')).setValue('export');
    await (await input('seconds')).setValue('5');
    await (await input('failAt')).setValue('60');
    await start();

    const request = http.expectOne('/api/jobs');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ name: 'export', durationMs: 5000, failAt: 60 });
    request.flush({ jobId: 'j1', name: 'export', percent: 0, state: 'queued', etaMs: 5000 });
    await settle(fixture);

    expect(
      TestBed.inject(JobStore)
        .jobs()
        .map(({ jobId }) => jobId),
    ).toEqual(['j1']);
    expect(await (await input('name')).getValue()).toBe('');
    expect(await (await input('seconds')).getValue()).toBe('10');
    expect(await (await input('failAt')).getValue()).toBe('');
    expect(errors()).toEqual([]);
  });

  it('defaults to 10 seconds and leaves failAt out when empty', async () => {
    await (await input('name')).setValue('report');
    await start();
    const request = http.expectOne('/api/jobs');
    expect(request.request.body).toEqual({ name: 'report', durationMs: 10_000 });
    request.flush({ jobId: 'j2', name: 'report', percent: 0, state: 'queued', etaMs: 10_000 });
    await settle(fixture);
    expect(errors()).toEqual([]);
  });

  it('requires a name', async () => {
    await start();
    http.expectNone('/api/jobs');
    expect(errors()).toEqual(['A name is required']);
  });

  it('refuses a name of only whitespace, as the server would', async () => {
    await (await input('name')).setValue('   ');
    await start();
    http.expectNone('/api/jobs');
    expect(errors()).toEqual(['A name needs more than spaces']);
  });

  for (const [seconds, failAt] of [
    ['0', ''],
    ['3601', ''],
    ['1.5', ''],
    ['', ''],
    ['10', '0'],
    ['10', '100'],
  ]) {
    it(`refuses ${seconds || 'no'} seconds with failAt ${failAt || 'unset'}`, async () => {
      await (await input('name')).setValue('export');
      await (await input('seconds')).setValue(seconds);
      await (await input('failAt')).setValue(failAt);
      await start();
      http.expectNone('/api/jobs');
      expect(errors().length).toBe(1);
    });
  }

  it('accepts the bounds, 1 and 3600 seconds, failing at 1 or 99 %', async () => {
    for (const [seconds, failAt] of [
      ['1', '1'],
      ['3600', '99'],
    ]) {
      await (await input('name')).setValue('edge');
      await (await input('seconds')).setValue(seconds);
      await (await input('failAt')).setValue(failAt);
      await start();
      const request = http.expectOne('/api/jobs');
      expect(request.request.body).toEqual({
        name: 'edge',
        durationMs: Number(seconds) * 1000,
        failAt: Number(failAt),
      });
      request.flush({ jobId: `j${seconds}`, name: 'edge', percent: 0, state: 'queued', etaMs: 0 });
      await settle(fixture);
    }
  });

  it('shows the server error', async () => {
    await (await input('name')).setValue('export');
    await start();
    http
      .expectOne('/api/jobs')
      .flush(
        { error: 'too-many-jobs', detail: '100 unfinished jobs' },
        { status: 429, statusText: 'Too Many Requests' },
      );
    await settle(fixture);
    expect(errors()).toEqual(['too-many-jobs: 100 unfinished jobs']);
    expect(await (await input('name')).getValue()).toBe('export');
  });

  it('keeps every error inside its field at 320 px', async () => {
    const host: HTMLElement = fixture.nativeElement;
    host.style.display = 'block';
    host.style.width = '320px';
    await (await input('name')).setValue('   ');
    await (await input('seconds')).setValue('0');
    await (await input('failAt')).setValue('100');
    await start();
    expect(host.querySelectorAll('mat-error').length).toBe(3);
    expect(subscriptOverflow(host)).toEqual([]);
  });
});
