import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { type ComponentFixture, TestBed } from '@angular/core/testing';

import type { NotificationItem } from '../core/notification-store';
import { NotificationCard } from './notification-card';
import { NotificationCardHarness } from './testing/notification-card-harness';

const NOW = Date.parse('2026-01-01T10:00:00.000Z');

function item(overrides: Partial<NotificationItem> = {}): NotificationItem {
  return {
    id: 'n1',
    level: 'ERROR',
    title: 'Disk full',
    message: '98% used on /var',
    createdAt: '2026-01-01T09:59:48.000Z',
    read: false,
    ...overrides,
  };
}

describe('NotificationCard', () => {
  let fixture: ComponentFixture<NotificationCard>;
  let card: NotificationCardHarness;

  async function render(value: NotificationItem): Promise<void> {
    fixture = TestBed.createComponent(NotificationCard);
    fixture.componentRef.setInput('item', value);
    fixture.componentRef.setInput('now', NOW);
    card = await TestbedHarnessEnvironment.harnessForFixture(fixture, NotificationCardHarness);
  }

  it('is a list item named by level and title, with level and read state as data', async () => {
    await render(item());
    const host: HTMLElement = fixture.nativeElement;
    expect(host.getAttribute('role')).toBe('listitem');
    expect(await card.getLabel()).toBe('ERROR: Disk full');
    expect(await card.getTitle()).toBe('Disk full');
    expect(await card.getLevel()).toBe('ERROR');
    expect(await card.isRead()).toBeFalse();
    expect(host.textContent).toContain('98% used on /var');
    expect(host.textContent).toContain('Unread');
  });

  it('shows the age relative to the given time, and follows it', async () => {
    await render(item());
    expect(await card.getTime()).toBe('12 s ago');
    fixture.componentRef.setInput('now', NOW + 60_000);
    expect(await card.getTime()).toBe('1 min ago');
  });

  it('emits its id from "Mark read", whose accessible name includes the title', async () => {
    await render(item());
    const emitted: string[] = [];
    fixture.componentInstance.markRead.subscribe((id) => emitted.push(id));
    const button: HTMLButtonElement = fixture.nativeElement.querySelector('button');
    expect(button.getAttribute('aria-label')).toBe('Mark read: Disk full');
    await card.markRead();
    expect(emitted).toEqual(['n1']);
  });

  it('lays out a right-to-left title and message right to left, each on its own', async () => {
    await render(item({ title: 'שלום עולם!', message: 'Disk 98% full' }));
    expect(await card.getDirections()).toEqual({ title: 'rtl', message: 'ltr' });
    await render(item({ title: 'Disk full!', message: 'مرحبا بالعالم.' }));
    expect(await card.getDirections()).toEqual({ title: 'ltr', message: 'rtl' });
  });

  it('in a narrow card gives the title a line of its own, below the level and the age', async () => {
    await render(item({ title: 'A long title '.repeat(8) }));
    const host: HTMLElement = fixture.nativeElement;
    const [title, time] = ['.title', 'time'].map((s) => host.querySelector<HTMLElement>(s)!);
    const below = () => title.offsetTop >= time.offsetTop + time.offsetHeight;
    host.style.width = '360px';
    expect(below()).toBeTrue();
    host.style.width = '800px';
    expect(below()).toBeFalse();
  });

  it('drops the button once read', async () => {
    await render(item({ read: true }));
    expect(await card.isRead()).toBeTrue();
    expect(fixture.nativeElement.querySelector('button')).toBeNull();
    expect(fixture.nativeElement.textContent).toContain('Read');
    await expectAsync(card.markRead()).toBeRejectedWithError(/already read/);
  });

  it('renders markup in the title and message as text', async () => {
    const markup = '<img src=x onerror=alert(1)>';
    await render(item({ title: markup, message: `<b>${markup}</b>` }));
    const host: HTMLElement = fixture.nativeElement;
    expect(host.querySelector('img, b')).toBeNull();
    expect(host.querySelector('.title')?.textContent).toBe(markup);
    expect(await card.getTitle()).toBe(markup);
  });

  it('keeps focus on the card when Mark read goes away, out of the Tab order itself', async () => {
    await render(item());
    const host: HTMLElement = fixture.nativeElement;
    expect(host.tabIndex).toBe(-1);
    const button = host.querySelector('button') as HTMLButtonElement;
    button.focus();
    button.click();
    fixture.componentRef.setInput('item', item({ read: true }));
    await fixture.whenStable();
    expect(host.querySelector('button')).toBeNull();
    expect(document.activeElement).toBe(host);
  });
});
