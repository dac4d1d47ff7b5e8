import { BreakpointObserver } from '@angular/cdk/layout';
import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { SseError, type SseState } from 'ngx-sse';
import { of } from 'rxjs';

import { ConnectionStatus, NARROW_QUERY } from './connection-status';
import { ConnectionStatusHarness } from './testing/connection-status-harness';

@Component({
  imports: [ConnectionStatus],
  template: `<app-connection-status [state]="state()" [enteredAt]="enteredAt()" [now]="now()" />`,
})
class Host {
  readonly state = signal<SseState>({ status: 'open' });
  readonly enteredAt = signal<number | null>(1000);
  readonly now = signal(1000);
}

/** Attempt 2 after a 503, retrying in 4 s. */
const RETRYING_503: SseState = {
  status: 'reconnecting',
  attempt: 2,
  delayMs: 4000,
  reason: 'http',
  error: new SseError('http', { url: '/api/events', attempt: 2, status: 503 }),
};

describe('ConnectionStatus', () => {
  async function setup() {
    const fixture = TestBed.createComponent(Host);
    const chip = await TestbedHarnessEnvironment.harnessForFixture(
      fixture,
      ConnectionStatusHarness,
    );
    return { host: fixture.componentInstance, chip };
  }

  it('shows an open connection', async () => {
    const { chip } = await setup();
    expect(await chip.getStatus()).toBe('open');
    expect(await chip.getLabel()).toBe('Connection open');
    expect(await chip.getText()).toContain('open');
  });

  it('counts down to the next retry, with attempt and reason in the label', async () => {
    const { host, chip } = await setup();
    host.state.set(RETRYING_503);
    host.now.set(2000);
    expect(await chip.getStatus()).toBe('reconnecting');
    expect(await chip.getText()).toContain('reconnecting #2 in 3s');
    expect(await chip.getLabel()).toBe(
      'Connection reconnecting (http 503), attempt 2, retry in 3 seconds',
    );
    host.now.set(4600);
    expect(await chip.getText()).toContain('in 1s');
  });

  it('says "retry" for "reconnecting" on a narrow phone, keeping the whole story in its label', async () => {
    TestBed.configureTestingModule({
      providers: [
        {
          provide: BreakpointObserver,
          useValue: { observe: (query: string) => of({ matches: query === NARROW_QUERY }) },
        },
      ],
    });
    const { host, chip } = await setup();
    host.state.set(RETRYING_503);
    host.now.set(2000);
    expect(await chip.getText()).toContain('retry #2 in 3s');
    expect(await chip.getLabel()).toBe(
      'Connection reconnecting (http 503), attempt 2, retry in 3 seconds',
    );
  });

  it('says "now", not "in 0s", once the retry is due but not yet under way', async () => {
    const { host, chip } = await setup();
    host.state.set(RETRYING_503);
    host.now.set(5200);
    expect(await chip.getText()).toContain('reconnecting #2 now');
    expect(await chip.getLabel()).toBe(
      'Connection reconnecting (http 503), attempt 2, retrying now',
    );
  });

  it('announces a change of state once, not every tick of the countdown', async () => {
    const { host, chip } = await setup();
    expect(await chip.isLive()).toBeFalse();
    expect(await chip.getAnnouncement()).toBe('Connection open');
    host.state.set(RETRYING_503);
    host.now.set(2000);
    const announced = await chip.getAnnouncement();
    host.now.set(3000);
    expect(await chip.getAnnouncement()).toBe(announced);
    expect(announced).toBe('Connection reconnecting (http 503), attempt 2');
  });

  it('says "retrying" when the browser schedules the retry itself', async () => {
    const { host, chip } = await setup();
    host.state.set({
      status: 'reconnecting',
      attempt: 1,
      delayMs: null,
      reason: 'network',
      error: null,
    });
    expect(await chip.getLabel()).toBe('Connection reconnecting (network), attempt 1, retrying');
  });

  it('names the reason of a closed connection', async () => {
    const { host, chip } = await setup();
    host.state.set({ status: 'closed', reason: 'unauthorized', error: null });
    expect(await chip.getStatus()).toBe('closed');
    expect(await chip.getLabel()).toBe('Connection closed (unauthorized)');
  });
});
