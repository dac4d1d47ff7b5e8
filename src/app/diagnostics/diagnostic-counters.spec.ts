import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { type SseDiagnostics, SseError } from 'ngx-sse';

import { formatClock } from '../shared/format';
import { DiagnosticCounters } from './diagnostic-counters';
import { DiagnosticCountersHarness } from './testing/diagnostic-counters-harness';

const NOW = 1_700_000_000_000;

const DIAGNOSTICS: SseDiagnostics = {
  lastEventId: '1234',
  connectedAt: NOW - 125_000,
  lastEventAt: NOW,
  eventsReceived: 1234,
  reconnects: 2,
  parseErrors: 1,
  lastError: new SseError('http', { url: '/api/events', attempt: 2, status: 503 }),
  role: 'solo',
  log: [],
};

describe('DiagnosticCounters', () => {
  let fixture: ComponentFixture<DiagnosticCounters>;
  let counters: DiagnosticCountersHarness;

  beforeEach(async () => {
    fixture = TestBed.createComponent(DiagnosticCounters);
    fixture.componentRef.setInput('diagnostics', DIAGNOSTICS);
    fixture.componentRef.setInput('state', { status: 'open' });
    fixture.componentRef.setInput('now', NOW);
    counters = await TestbedHarnessEnvironment.harnessForFixture(
      fixture,
      DiagnosticCountersHarness,
    );
  });

  it('shows every counter with an accessible label', async () => {
    expect(await counters.getAccessibleName('events')).toBe('Events received: 1,234');
    expect(await counters.getValue('reconnects')).toBe('2');
    expect(await counters.getValue('parse-errors')).toBe('1');
    expect(await counters.getValue('last-event-id')).toBe('1234');
    expect(await counters.getValue('last-error')).toBe(
      'ngx-sse: http 503 (/api/events, attempt 2)',
    );
  });

  it('dates the last error by the transition that carried it, which outlives the outage', async () => {
    const error = DIAGNOSTICS.lastError!;
    const failedAt = NOW - 60_000;
    fixture.componentRef.setInput('diagnostics', {
      ...DIAGNOSTICS,
      log: [
        {
          at: failedAt,
          state: { status: 'reconnecting', attempt: 2, delayMs: 2000, reason: 'http', error },
        },
        { at: NOW - 58_000, state: { status: 'open' } },
      ],
    });
    expect(await counters.getValue('last-error')).toBe(
      `at ${formatClock(failedAt)}: ngx-sse: http 503 (/api/events, attempt 2)`,
    );
  });

  it('shows the tab role, and that a follower shows the leader tab state', async () => {
    expect(await counters.getValue('role')).toBe('own connection');
    fixture.componentRef.setInput('diagnostics', { ...DIAGNOSTICS, role: 'follower' });
    expect(await counters.getAccessibleName('role')).toBe(
      'Tab role: follower: state from the leader tab',
    );
  });

  it('counts the time connected live while open, and not otherwise', async () => {
    expect(await counters.getValue('connected')).toBe('2m 05s');
    fixture.componentRef.setInput('now', NOW + 1000);
    expect(await counters.getAccessibleName('connected')).toBe('Time connected: 2m 06s');
    fixture.componentRef.setInput('state', {
      status: 'reconnecting',
      attempt: 1,
      delayMs: 1000,
      reason: 'network',
    });
    expect(await counters.getValue('connected')).toBe('not connected');
  });

  it('starts from zero before any stream exists', async () => {
    fixture.componentRef.setInput('diagnostics', null);
    fixture.componentRef.setInput('state', { status: 'idle' });
    expect(await counters.getValue('events')).toBe('0');
    expect(await counters.getValue('last-event-id')).toBe('none');
    expect(await counters.getValue('last-error')).toBe('none');
  });
});
