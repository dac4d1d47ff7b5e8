import { signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { SSE_SCHEDULER, type SseDiagnostics, type SseRole, type SseState } from 'ngx-sse';
import { FakeSseScheduler, SseTestingController, type TestConnection } from 'ngx-sse/testing';

import { Clock } from '../core/clock';
import { LiveStream } from '../core/live-stream';
import { Session } from '../core/session';
import { formatClock } from '../shared/format';
import { flushNotificationList, openLiveStream, provideLiveTesting } from '../testing/live-testing';
import { INTERRUPTED_AFTER_MS, StreamInterrupted } from './stream-interrupted';

/** Signs in and answers the list, leaving the stream's first attempt pending. */
async function signInOnly(fixture: ComponentFixture<unknown>): Promise<TestConnection> {
  TestBed.inject(Session).user.set('alice');
  await fixture.whenStable();
  flushNotificationList();
  return TestBed.inject(SseTestingController).expectConnection('/api/events');
}

describe('StreamInterrupted', () => {
  /** `open`: the stream's first attempt is accepted; otherwise it is left pending. */
  async function setup(open = true) {
    const scheduler = new FakeSseScheduler();
    const now = signal(0);
    TestBed.configureTestingModule({
      providers: [
        provideLiveTesting(),
        { provide: SSE_SCHEDULER, useValue: scheduler },
        { provide: Clock, useValue: { now } },
      ],
    });
    const fixture = TestBed.createComponent(StreamInterrupted);
    const connection = open ? await openLiveStream(fixture) : await signInOnly(fixture);
    /** Moves the stream's scheduler and the page's clock together. */
    const advance = async (ms: number) => {
      scheduler.tick(ms);
      now.set(scheduler.now());
      await fixture.whenStable();
    };
    /** Moves only the page's clock: what the banner reads, with no retry firing meanwhile. */
    const later = async (ms: number) => {
      now.set(scheduler.now() + ms);
      await fixture.whenStable();
    };
    const banner = (): HTMLElement | null =>
      fixture.nativeElement.querySelector('[role="region"][aria-label="Live updates interrupted"]');
    return { connection, advance, later, banner, scheduler };
  }

  it('says nothing while open, nor for a drop that heals quickly', async () => {
    const { connection, advance, later, banner } = await setup();
    // Within the heartbeat timeout, which would reconnect a stream that stays silent.
    await advance(1500);
    expect(banner()).toBeNull();
    connection.fail();
    await later(INTERRUPTED_AFTER_MS - 500);
    expect(banner()).toBeNull();
  });

  it('says since when what is on screen is not updating, until the stream is open again', async () => {
    const { connection, advance, later, banner, scheduler } = await setup();
    await advance(1500);
    const droppedAt = scheduler.now();
    connection.fail();
    await later(INTERRUPTED_AFTER_MS);
    expect(banner()?.textContent).toContain(
      `Reconnecting (network) since ${formatClock(droppedAt)}: what you see is from then`,
    );
    // Retries keep failing: the banner stays, with the time of the drop.
    const controller = TestBed.inject(SseTestingController);
    /** Ticks until the backoff's next attempt connects (its delay grows with each failure). */
    const retry = async () => {
      for (let waited = 0; waited < 60_000; waited += 250) {
        const [attempt] = controller.match('/api/events');
        if (attempt) return attempt;
        await advance(250);
      }
      throw new Error('no retry within 60 s');
    };
    for (let i = 0; i < 3; i++) {
      (await retry()).fail({ status: 503 });
      await later(INTERRUPTED_AFTER_MS);
      expect(banner()?.textContent).toContain(
        `Reconnecting (http 503) since ${formatClock(droppedAt)}`,
      );
    }
    (await retry()).open();
    await later(0);
    expect(banner()).toBeNull();
  });

  it('also shows for a stream refused from its first attempt, which has never opened', async () => {
    const { connection, advance, banner, scheduler } = await setup(false);
    const controller = TestBed.inject(SseTestingController);
    connection.fail({ status: 503 });
    while (scheduler.now() <= INTERRUPTED_AFTER_MS) {
      await advance(250);
      for (const attempt of controller.match('/api/events')) attempt.fail({ status: 503 });
      await advance(0);
    }
    expect(TestBed.inject(LiveStream).diagnostics()?.lastEventAt).toBeNull();
    expect(banner()?.textContent).toContain('Reconnecting (http 503) since');
    // Announced once, as a status: the text does not change while the outage lasts.
    expect(banner()?.querySelector('[role="status"]')).not.toBeNull();
  });

  it('offers Retry now, which makes the next attempt at once instead of after the backoff', async () => {
    const { connection, advance, later, banner } = await setup();
    await advance(1500);
    connection.fail();
    await later(INTERRUPTED_AFTER_MS);
    const controller = TestBed.inject(SseTestingController);
    // The first retry's backoff has not run out on the stream's clock: no attempt yet.
    expect(controller.match('/api/events')).toEqual([]);
    const retryNow = Array.from(banner()!.querySelectorAll('button')).find(
      (button) => button.textContent?.trim() === 'Retry now',
    );
    retryNow!.click();
    await advance(0);
    const [attempt] = controller.match('/api/events');
    expect(attempt).withContext('an attempt right after the click').toBeDefined();
    attempt.open();
    await later(0);
    expect(banner()).toBeNull();
    // The outage stays on record: the same connection, its diagnostics kept.
    expect(TestBed.inject(LiveStream).diagnostics()?.reconnects).toBeGreaterThan(0);
  });

  describe('Retry now, by tab role', () => {
    /** The banner over a stream down for 10 s, as this tab's `role` sees it. */
    function render(role: SseRole) {
      const live = {
        state: signal<SseState>({
          status: 'reconnecting',
          attempt: 4,
          delayMs: 8000,
          reason: 'network',
          error: null,
        }),
        diagnostics: signal<Partial<SseDiagnostics>>({
          role,
          log: [{ at: 0, state: { status: 'connecting' } }],
        }),
        retryNow: jasmine.createSpy('retryNow'),
      };
      TestBed.configureTestingModule({
        providers: [
          { provide: LiveStream, useValue: live },
          { provide: Session, useValue: { user: signal('alice') } },
          { provide: Clock, useValue: { now: signal(10_000) } },
        ],
      });
      const fixture = TestBed.createComponent(StreamInterrupted);
      fixture.detectChanges();
      const button = (fixture.nativeElement as HTMLElement).querySelector('button');
      return { live, button };
    }

    it('is offered where this tab makes the attempts, and moves focus to the page heading', () => {
      const heading = document.createElement('h2');
      const main = document.createElement('main');
      main.append(heading);
      document.body.append(main);
      try {
        const { live, button } = render('leader');
        expect(button?.textContent?.trim()).toBe('Retry now');
        button!.click();
        expect(live.retryNow).toHaveBeenCalledTimes(1);
        expect(document.activeElement).toBe(heading);
      } finally {
        main.remove();
      }
    });

    it('is not offered on a follower tab, which makes no attempt of its own', () => {
      const { button } = render('follower');
      expect(button).toBeNull();
    });
  });
});
