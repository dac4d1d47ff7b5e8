import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MatSnackBar } from '@angular/material/snack-bar';
import { SseTestingController, type TestConnection } from 'ngx-sse/testing';

import { BURST_WINDOW_MS } from '../shared/burst-throttle';
import { NotificationStore } from './notification-store';
import { Session } from './session';
import { flushNotificationList, notification, provideLiveTesting } from '../testing/live-testing';

describe('NotificationStore', () => {
  let store: NotificationStore;
  let snackBar: jasmine.Spy;
  let sse: TestConnection;

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: provideLiveTesting() });
    snackBar = spyOn(TestBed.inject(MatSnackBar), 'open');
    store = TestBed.inject(NotificationStore);
    TestBed.inject(Session).user.set('alice');
    TestBed.tick();
    flushNotificationList();
    sse = TestBed.inject(SseTestingController).expectConnection('/api/events');
    sse.open();
  });

  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('announces an ERROR once, by the assertive snack bar, not also politely', () => {
    sse.emit('notification', notification('n1', { level: 'ERROR', title: 'Disk full' }), '1');
    TestBed.tick();
    expect(snackBar).toHaveBeenCalledOnceWith(
      'Error notification: Disk full',
      'Dismiss',
      jasmine.objectContaining({ politeness: 'assertive' }),
    );
    expect(store.announcement()).toBe('');
  });

  it('announces other levels politely, without a snack bar', () => {
    sse.emit('notification', notification('n1', { level: 'WARNING', title: 'CPU hot' }), '1');
    TestBed.tick();
    expect(store.announcement()).toBe('warning notification: CPU hot');
    expect(snackBar).not.toHaveBeenCalled();
  });

  it("announces a posted ERROR once, whether the reply or the stream's copy comes first", async () => {
    jasmine.clock().install();
    const http = TestBed.inject(HttpTestingController);
    const disk = notification('n1', { level: 'ERROR', title: 'Disk full' });
    const first = store.post({ level: 'ERROR', title: 'Disk full', message: '' });
    sse.emit('notification', disk, '1');
    TestBed.tick();
    http.expectOne({ method: 'POST', url: '/api/notifications' }).flush(disk);
    await first;
    const cpu = notification('n2', { level: 'ERROR', title: 'CPU on fire' });
    const second = store.post({ level: 'ERROR', title: 'CPU on fire', message: '' });
    http.expectOne({ method: 'POST', url: '/api/notifications' }).flush(cpu);
    await second;
    sse.emit('notification', cpu, '2');
    TestBed.tick();
    // The second came within the first one's window: it is said when the window ends.
    jasmine.clock().tick(BURST_WINDOW_MS);
    jasmine.clock().uninstall();
    expect(snackBar.calls.allArgs().map(([text]) => text)).toEqual([
      'Error notification: Disk full',
      'Error notification: CPU on fire',
    ]);
  });

  describe('in a burst', () => {
    beforeEach(() => jasmine.clock().install());
    afterEach(() => jasmine.clock().uninstall());

    const burst = (count: number, level: 'INFO' | 'ERROR') => {
      for (let i = 1; i <= count; i++) {
        sse.emit('notification', notification(`b${i}`, { level, title: `load ${i}` }), `${i}`);
        TestBed.tick();
      }
    };

    it('says the first at once and the rest once per window, by count and latest title', () => {
      const said: string[] = [];
      const region = store.announcement;
      burst(50, 'INFO');
      said.push(region());
      jasmine.clock().tick(BURST_WINDOW_MS);
      said.push(region());
      jasmine.clock().tick(BURST_WINDOW_MS);
      expect(said).toEqual([
        'info notification: load 1',
        '49 new notifications, the latest: load 50',
      ]);
      expect(region()).toBe(said[1]);
    });

    it('raises two snack bars for a burst of errors, not one per error', () => {
      burst(30, 'ERROR');
      jasmine.clock().tick(BURST_WINDOW_MS);
      jasmine.clock().tick(BURST_WINDOW_MS);
      expect(snackBar.calls.allArgs().map(([text]) => text)).toEqual([
        'Error notification: load 1',
        '29 new error notifications, the latest: load 30',
      ]);
    });

    it('says nothing of a burst after logout', () => {
      burst(5, 'INFO');
      store.clear();
      jasmine.clock().tick(BURST_WINDOW_MS);
      expect(store.announcement()).toBe('');
    });
  });
});
