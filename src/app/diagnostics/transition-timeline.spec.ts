import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { SseError, type SseTransition } from 'ngx-sse';

import { formatTime } from '../shared/format';
import { TransitionTimeline } from './transition-timeline';
import { TransitionTimelineHarness } from './testing/transition-timeline-harness';

const T = new Date(2026, 0, 1, 12, 0, 0).getTime();

describe('TransitionTimeline', () => {
  async function render(transitions: SseTransition[]): Promise<TransitionTimelineHarness> {
    const fixture = TestBed.createComponent(TransitionTimeline);
    fixture.componentRef.setInput('transitions', transitions);
    return TestbedHarnessEnvironment.harnessForFixture(fixture, TransitionTimelineHarness);
  }

  it('lists transitions newest first with reason, attempt and delay', async () => {
    const timeline = await render([
      { at: T, state: { status: 'connecting' } },
      { at: T + 10, state: { status: 'open' } },
      {
        at: T + 20,
        state: {
          status: 'reconnecting',
          attempt: 2,
          delayMs: 4000,
          reason: 'http',
          error: new SseError('http', { url: '/api/events', attempt: 2, status: 503 }),
        },
      },
      {
        at: T + 30,
        state: {
          status: 'reconnecting',
          attempt: 1,
          delayMs: null,
          reason: 'network',
          error: null,
        },
      },
      { at: T + 40, state: { status: 'closed', reason: 'unauthorized', error: null } },
    ]);
    const entries = await timeline.getEntries();
    expect(entries.map(({ text: _, ...attributes }) => attributes)).toEqual([
      { status: 'closed', reason: 'unauthorized', attempt: null, delayMs: null },
      { status: 'reconnecting', reason: 'network', attempt: 1, delayMs: null },
      { status: 'reconnecting', reason: 'http 503', attempt: 2, delayMs: 4000 },
      { status: 'open', reason: null, attempt: null, delayMs: null },
      { status: 'connecting', reason: null, attempt: null, delayMs: null },
    ]);
    expect(entries[2].text).toBe(
      `${formatTime(T + 20)} reconnecting reason http 503, attempt 2, delay 4000 ms`,
    );
    expect(entries[1].text).toContain('retried by the browser or the leader tab');
  });

  it('says so while there are no transitions', async () => {
    const fixture = TestBed.createComponent(TransitionTimeline);
    fixture.componentRef.setInput('transitions', []);
    const timeline = await TestbedHarnessEnvironment.harnessForFixture(
      fixture,
      TransitionTimelineHarness,
    );
    expect(await timeline.getEntries()).toEqual([]);
    expect(fixture.nativeElement.textContent).toContain('No transitions yet.');
  });

  it('is a named Tab stop with a focus ring once it scrolls, so keys can scroll it', async () => {
    const fixture = TestBed.createComponent(TransitionTimeline);
    fixture.componentRef.setInput(
      'transitions',
      Array.from({ length: 40 }, (_, i) => ({ at: T + i, state: { status: 'open' } })),
    );
    await fixture.whenStable();
    const list: HTMLElement = fixture.nativeElement.querySelector('ol');
    expect(list.scrollHeight).toBeGreaterThan(list.clientHeight);
    expect(list.getAttribute('aria-label')).toBe('Connection timeline');
    expect(list.tabIndex).toBe(0);
    list.focus();
    expect(document.activeElement).toBe(list);
    expect(list.matches(':focus-visible')).toBeTrue();
    expect(getComputedStyle(list).outlineWidth).toBe('3px');
    expect(getComputedStyle(list).outlineStyle).toBe('solid');
  });
});
