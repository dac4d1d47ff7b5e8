import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { HttpTestingController } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { type TestConnection, SseTestingController } from 'ngx-sse/testing';

import type { Notification } from '../core/api';
import { NotificationStore } from '../core/notification-store';
import { NotificationsPage } from './notifications-page';
import { NotificationListHarness } from './testing/notification-list-harness';
import { notification, openLiveStream, provideLiveTesting, settle } from '../testing/live-testing';

describe('NotificationsPage', () => {
  let fixture: ComponentFixture<NotificationsPage>;
  let loader: HarnessLoader;
  let list: NotificationListHarness;
  let http: HttpTestingController;
  let sse: TestConnection;
  let lastId = 0;

  /** Sends a notification over the stream, as the server does. */
  async function push(item: Notification): Promise<void> {
    sse.emit('notification', item, String(++lastId));
    await fixture.whenStable();
  }

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: provideLiveTesting() });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(NotificationsPage);
    loader = TestbedHarnessEnvironment.loader(fixture);
    list = await loader.getHarness(NotificationListHarness);
    sse = await openLiveStream(fixture);
  });

  afterEach(() => {
    http.verify();
    TestBed.inject(SseTestingController).verify();
  });

  it('lists streamed notifications newest first, with level and relative time', async () => {
    await push(notification('n1', { level: 'INFO', title: 'Deployed' }));
    await push(notification('n2', { level: 'WARNING', title: 'CPU hot' }));
    await push(notification('n3', { level: 'ERROR', title: 'Disk full' }));

    expect(await list.getItems()).toEqual([
      { title: 'Disk full', level: 'ERROR', read: false },
      { title: 'CPU hot', level: 'WARNING', read: false },
      { title: 'Deployed', level: 'INFO', read: false },
    ]);
    const [newest] = await list.getCards();
    expect(await newest.getLabel()).toBe('ERROR: Disk full');
    expect(await newest.getTime()).toBe('just now');
  });

  it('marks one item read, then all', async () => {
    await push(notification('n1', { title: 'First' }));
    await push(notification('n2', { title: 'Second' }));
    const store = TestBed.inject(NotificationStore);

    await list.markRead('First');
    expect(await list.getItems()).toEqual([
      { title: 'Second', level: 'INFO', read: false },
      { title: 'First', level: 'INFO', read: true },
    ]);
    expect(store.unread()).toBe(1);
    const one = http.expectOne({ method: 'POST', url: '/api/notifications/read' });
    expect(one.request.body).toEqual({ ids: ['n1'] });
    one.flush({ ids: ['n1'], unknown: [] });

    await list.markAllRead();
    expect((await list.getItems()).map(({ read }) => read)).toEqual([true, true]);
    expect(store.unread()).toBe(0);
    expect(await list.isMarkAllReadDisabled()).toBeTrue();
    const all = http.expectOne({ method: 'POST', url: '/api/notifications/read' });
    expect(all.request.body).toEqual({ ids: ['n2'] });
    all.flush({ ids: ['n2'], unknown: [] });
  });

  it('shows as read what another tab or device marked', async () => {
    await push(notification('n1', { title: 'First' }));
    await push(notification('n2', { title: 'Second' }));
    sse.emit('notification-read', { ids: ['n2'] }, String(++lastId));
    await fixture.whenStable();
    expect(await list.getItems()).toEqual([
      { title: 'Second', level: 'INFO', read: true },
      { title: 'First', level: 'INFO', read: false },
    ]);
  });

  it('says "Loading notifications…", not "No notifications yet.", while the list loads', async () => {
    const text = () => fixture.nativeElement.textContent;
    await settle(fixture);
    expect(text()).toContain('No notifications yet.');
    TestBed.inject(NotificationStore).reload();
    await fixture.whenStable();
    expect(text()).toContain('Loading notifications…');
    expect(text()).not.toContain('No notifications yet.');
    http.expectOne('/api/notifications').flush({ items: [] });
    await settle(fixture);
    expect(text()).not.toContain('Loading notifications…');
    expect(text()).toContain('No notifications yet.');
  });

  it('says a failed load failed, not "No notifications yet.", and loads again on Retry', async () => {
    TestBed.inject(NotificationStore).reload();
    http
      .expectOne('/api/notifications')
      .flush({ error: 'unauthorized', detail: 'no session' }, { status: 401, statusText: 'No' });
    await settle(fixture);
    const alert: HTMLElement = fixture.nativeElement.querySelector('app-load-error [role="alert"]');
    expect(alert.textContent).toContain(
      'Could not load the notifications: unauthorized: no session',
    );
    expect(fixture.nativeElement.textContent).not.toContain('No notifications yet.');

    await (await loader.getHarness(MatButtonHarness.with({ text: /Retry/ }))).click();
    http.expectOne('/api/notifications').flush({ items: [{ ...notification('n1'), read: false }] });
    await settle(fixture);
    expect(fixture.nativeElement.querySelector('app-load-error')).toBeNull();
    expect((await list.getItems()).map(({ title }) => title)).toEqual(['Title n1']);
  });

  it('keeps the read flags of the list it loads', async () => {
    const loaded = TestBed.inject(NotificationStore).refresh();
    http.expectOne('/api/notifications').flush({
      items: [
        // Explicit times: two made "now" may differ by a millisecond and swap.
        {
          ...notification('n2', { title: 'Second', createdAt: '2026-12-01T10:00:02Z' }),
          read: false,
        },
        {
          ...notification('n1', { title: 'First', createdAt: '2026-12-01T10:00:01Z' }),
          read: true,
        },
      ],
    });
    await loaded;
    await fixture.whenStable();
    expect((await list.getItems()).map(({ title, read }) => [title, read])).toEqual([
      ['Second', false],
      ['First', true],
    ]);
  });

  it('undoes a mark the server refuses, and says so', async () => {
    await push(notification('n1', { title: 'First' }));
    await list.markRead('First');
    expect((await list.getItems())[0].read).toBeTrue();
    http
      .expectOne({ method: 'POST', url: '/api/notifications/read' })
      .flush(
        { error: 'unauthorized', detail: 'session expired' },
        { status: 401, statusText: 'Unauthorized' },
      );
    await settle(fixture);
    expect((await list.getItems())[0].read).toBeFalse();
    expect(document.querySelector('mat-snack-bar-container')?.textContent).toContain(
      'Could not mark as read: unauthorized: session expired',
    );
  });

  it('shows a composed notification from the REST reply, and once only when SSE repeats it', async () => {
    const title = await loader.getHarness(
      MatInputHarness.with({ selector: '[formControlName="title"]' }),
    );
    await title.setValue('Backup done');
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Send' }))).click();
    const created = notification('n9', { title: 'Backup done' });
    const request = http.expectOne('/api/notifications');
    expect(request.request.body).toEqual({ level: 'INFO', title: 'Backup done', message: '' });
    request.flush(created);
    await settle(fixture);

    expect(await list.getItems()).toEqual([{ title: 'Backup done', level: 'INFO', read: false }]);

    await push(created);
    await push(notification('n10', { title: 'Later' }));
    expect((await list.getItems()).map((item) => item.title)).toEqual(['Later', 'Backup done']);
  });

  it('renders a title carrying markup as text, creating no element', async () => {
    const markup = '<img src=x onerror=alert(1)>';
    await push(notification('n1', { level: 'ERROR', title: markup, message: markup }));

    expect(await list.getItems()).toEqual([{ title: markup, level: 'ERROR', read: false }]);
    expect(fixture.nativeElement.textContent).toContain(markup);
    expect(document.querySelector('img')).toBeNull();
  });
});
