import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatProgressBarHarness } from '@angular/material/progress-bar/testing';

import type { JobProgress, JobState } from '../core/api';
import { JobCard } from './job-card';
import { JobCardHarness } from './testing/job-card-harness';

function job(overrides: Partial<JobProgress> = {}): JobProgress {
  return { jobId: 'j1', name: 'export', percent: 45, state: 'running', etaMs: 5500, ...overrides };
}

describe('JobCard', () => {
  let fixture: ComponentFixture<JobCard>;
  let card: JobCardHarness;

  async function render(value: JobProgress): Promise<void> {
    fixture = TestBed.createComponent(JobCard);
    fixture.componentRef.setInput('job', value);
    card = await TestbedHarnessEnvironment.harnessForFixture(fixture, JobCardHarness);
  }

  it('shows name, percent, ETA and state on an article named after the job', async () => {
    await render(job());
    const article: HTMLElement = fixture.nativeElement.querySelector('[role="article"]');
    expect(article.getAttribute('aria-label')).toBe('export');
    expect(await card.getName()).toBe('export');
    expect(await card.getState()).toBe('running');
    expect(await card.getPercent()).toBe(45);
    expect(await card.getEta()).toBe('ETA 6 s');
    expect(article.textContent).toContain('45%');
    expect(article.textContent).toContain('Running');
  });

  it('has a determinate, labelled progress bar', async () => {
    await render(job({ percent: 80 }));
    const bar = await TestbedHarnessEnvironment.loader(fixture).getHarness(MatProgressBarHarness);
    expect(await bar.getMode()).toBe('determinate');
    expect(await bar.getValue()).toBe(80);
    expect(await (await bar.host()).getAttribute('aria-label')).toBe('Progress of export');
  });

  it('tells done, failed and cancelled apart by icon, word and colour', async () => {
    const finals: JobState[] = ['done', 'failed', 'cancelled'];
    const looks = [];
    for (const state of finals) {
      await render(job({ state }));
      const chip: HTMLElement = fixture.nativeElement.querySelector('mat-chip');
      looks.push({
        state: await card.getState(),
        icon: await card.getStateIcon(),
        text: chip.textContent?.replace(await card.getStateIcon(), '').trim(),
        background: getComputedStyle(chip).backgroundColor,
        eta: await card.getEta(),
      });
    }
    expect(looks.map(({ state }) => state)).toEqual(finals);
    expect(looks.map(({ icon }) => icon)).toEqual(['check_circle', 'error', 'cancel']);
    expect(looks.map(({ text }) => text)).toEqual(['Done', 'Failed', 'Cancelled']);
    expect(new Set(looks.map(({ background }) => background)).size).toBe(3);
    expect(looks.map(({ eta }) => eta)).toEqual([null, null, null]);
  });

  it('emits the job id from Cancel while queued or running', async () => {
    for (const state of ['queued', 'running'] as const) {
      await render(job({ jobId: `job-${state}`, state }));
      const emitted: string[] = [];
      fixture.componentInstance.cancelJob.subscribe((id) => emitted.push(id));
      expect(await card.isCancelDisabled()).toBeFalse();
      await card.cancel();
      expect(emitted).toEqual([`job-${state}`]);
    }
  });

  it('disables Cancel once the job has finished', async () => {
    for (const state of ['done', 'failed', 'cancelled'] as const) {
      await render(job({ state }));
      expect(await card.isCancelDisabled())
        .withContext(state)
        .toBeTrue();
    }
  });

  it('keeps focus on Cancel once the job ends, and a press then does nothing', async () => {
    await render(job({ state: 'running' }));
    const emitted: string[] = [];
    fixture.componentInstance.cancelJob.subscribe((id) => emitted.push(id));
    const button: HTMLButtonElement = fixture.nativeElement.querySelector('button');
    button.focus();
    // What the stream reports once the cancel (or the job's end) reached the server.
    fixture.componentRef.setInput('job', job({ state: 'cancelled' }));
    await fixture.whenStable();
    expect(document.activeElement).toBe(button);
    expect(button.getAttribute('aria-disabled')).toBe('true');
    await card.cancel();
    expect(emitted).toEqual([]);
  });

  it('names the Cancel button after the job', async () => {
    await render(job({ name: 'nightly backup' }));
    const button: HTMLButtonElement = fixture.nativeElement.querySelector('button');
    expect(button.getAttribute('aria-label')).toBe('Cancel nightly backup');
  });
});
