import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { type ComponentFixture, TestBed } from '@angular/core/testing';

import type { NotificationItem } from '../core/notification-store';
import { NotificationList } from './notification-list';
import { NotificationListHarness } from './testing/notification-list-harness';

const ITEMS: NotificationItem[] = [
  {
    id: 'n3',
    level: 'ERROR',
    title: 'Disk full',
    message: '',
    createdAt: '2026-01-01T10:00:00.000Z',
    read: false,
  },
  {
    id: 'n2',
    level: 'WARNING',
    title: 'CPU hot',
    message: '',
    createdAt: '2026-01-01T09:59:00.000Z',
    read: false,
  },
  {
    id: 'n1',
    level: 'INFO',
    title: 'Hello',
    message: '',
    createdAt: '2026-01-01T09:58:00.000Z',
    read: true,
  },
];

describe('NotificationList', () => {
  let fixture: ComponentFixture<NotificationList>;
  let list: NotificationListHarness;

  async function render(items: NotificationItem[]): Promise<void> {
    fixture = TestBed.createComponent(NotificationList);
    fixture.componentRef.setInput('items', items);
    fixture.componentRef.setInput('now', Date.parse('2026-01-01T10:00:00.000Z'));
    list = await TestbedHarnessEnvironment.harnessForFixture(fixture, NotificationListHarness);
  }

  it('shows the items in the given order inside a labelled list', async () => {
    await render(ITEMS);
    const listElement: HTMLElement = fixture.nativeElement.querySelector('[role="list"]');
    expect(listElement.getAttribute('aria-label')).toBe('Notifications');
    expect(listElement.querySelectorAll('[role="listitem"]').length).toBe(3);
    expect(await list.getItems()).toEqual([
      { title: 'Disk full', level: 'ERROR', read: false },
      { title: 'CPU hot', level: 'WARNING', read: false },
      { title: 'Hello', level: 'INFO', read: true },
    ]);
    expect(fixture.nativeElement.textContent).toContain('2 unread of 3');
  });

  it('passes "Mark read" on with the item id', async () => {
    await render(ITEMS);
    const emitted: string[] = [];
    fixture.componentInstance.markRead.subscribe((id) => emitted.push(id));
    await list.markRead('CPU hot');
    expect(emitted).toEqual(['n2']);
  });

  it('emits "Mark all read", and disables it when nothing is unread', async () => {
    await render(ITEMS);
    let marked = 0;
    fixture.componentInstance.markAllRead.subscribe(() => marked++);
    await list.markAllRead();
    expect(marked).toBe(1);

    fixture.componentRef.setInput(
      'items',
      ITEMS.map((item) => ({ ...item, read: true })),
    );
    expect(await list.isMarkAllReadDisabled()).toBeTrue();
  });

  it('keeps focus on "Mark all read" once it disables itself; a press then does nothing', async () => {
    await render(ITEMS);
    let marked = 0;
    fixture.componentInstance.markAllRead.subscribe(() => marked++);
    const button = fixture.nativeElement.querySelector('.toolbar button') as HTMLButtonElement;
    button.focus();
    await list.markAllRead();
    fixture.componentRef.setInput(
      'items',
      ITEMS.map((item) => ({ ...item, read: true })),
    );
    await fixture.whenStable();
    expect(document.activeElement).toBe(button);
    await list.markAllRead();
    expect(marked).toBe(1);
  });

  it('says so when there is nothing yet', async () => {
    await render([]);
    expect(await list.getItems()).toEqual([]);
    expect(fixture.nativeElement.textContent).toContain('No notifications yet.');
  });
});
