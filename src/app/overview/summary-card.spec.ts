import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';

import { BURST_WINDOW_MS } from '../shared/burst-throttle';
import { SummaryCard } from './summary-card';
import { SummaryCardHarness } from './testing/summary-card-harness';

describe('SummaryCard', () => {
  let setInput: (name: string, value: unknown) => void;

  async function render(inputs: Record<string, unknown>): Promise<SummaryCardHarness> {
    const fixture = TestBed.createComponent(SummaryCard);
    setInput = (name, value) => fixture.componentRef.setInput(name, value);
    Object.entries(inputs).forEach(([name, value]) => setInput(name, value));
    return TestbedHarnessEnvironment.harnessForFixture(fixture, SummaryCardHarness);
  }

  it('shows the value with an accessible `Label: value` name', async () => {
    const card = await render({ label: 'Running jobs', value: 1234 });
    expect(await card.getLabel()).toBe('Running jobs');
    expect(await card.getValue()).toBe('1,234');
    expect(await card.getAccessibleName()).toBe('Running jobs: 1,234');
    expect(await card.isAnnounced()).toBeTrue();
  });

  it('says a figure is unavailable instead of showing 0', async () => {
    const card = await render({ label: 'Running jobs', value: null });
    expect(await card.getValue()).toBe('unavailable');
    expect(await card.getAccessibleName()).toBe('Running jobs: unavailable');
  });

  it('can keep a fast-changing value out of the announcements', async () => {
    const card = await render({ label: 'Events per second', value: 12, announce: false });
    expect(await card.getAccessibleName()).toBe('Events per second: 12');
    expect(await card.isAnnounced()).toBeFalse();
  });

  it('says the first change at once and the rest of a burst once, by its latest value', async () => {
    jasmine.clock().install();
    try {
      const card = await render({ label: 'Unread notifications', value: 0 });
      expect(await card.getAnnouncement()).toBe('');
      setInput('value', 1);
      expect(await card.getAnnouncement()).toBe('Unread notifications: 1');
      for (let value = 2; value <= 50; value++) {
        setInput('value', value);
        expect(await card.getAnnouncement()).toBe('Unread notifications: 1');
      }
      jasmine.clock().tick(BURST_WINDOW_MS);
      expect(await card.getAnnouncement()).toBe('Unread notifications: 50');
      expect(await card.getValue()).toBe('50');
    } finally {
      jasmine.clock().uninstall();
    }
  });
});
