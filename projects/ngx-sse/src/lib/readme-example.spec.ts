import { Component, provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { SSE_SCHEDULER, sseResource } from 'ngx-sse';
import { FakeSseScheduler, SseTestingController, provideSseTesting } from 'ngx-sse/testing';

// The package README's quick-start component and its testing example, as written there: a
// reader copies them, so they must pass. Keep both in step with the README. Zoneless, as a new
// CLI app is (this project's specs otherwise run with zone.js).
interface AppEvents {
  notification: { id: string; title: string };
}

@Component({
  selector: 'app-inbox',
  template: `
    @if (inbox.hasValue()) {
      @for (n of inbox.value(); track n.id) {
        <p>{{ n.title }}</p>
      }
    } @else if (inbox.error(); as error) {
      <p role="alert">{{ error.message }}</p>
    }
  `,
})
class Inbox {
  readonly inbox = sseResource<AppEvents, 'notification', AppEvents['notification'][]>(
    () => '/api/events',
    { event: 'notification', reduce: (list, m) => [m.data, ...list], initialValue: [] },
  );
}

describe('the package README', () => {
  it('shows a notification and resumes after a drop', async () => {
    const scheduler = new FakeSseScheduler();
    TestBed.configureTestingModule({
      providers: [
        provideZonelessChangeDetection(),
        provideSseTesting(),
        { provide: SSE_SCHEDULER, useValue: scheduler },
      ],
    });
    const fixture = TestBed.createComponent(Inbox);
    await fixture.whenStable();
    const controller = TestBed.inject(SseTestingController);

    const connection = controller.expectConnection('/api/events');
    connection.open();
    connection.emit('notification', { id: '1', title: 'Hello' }, '1');
    await fixture.whenStable();
    expect(fixture.nativeElement.textContent).toContain('Hello');

    connection.fail();
    connection.fail({ status: 503 });
    scheduler.tick(2000);
    expect(controller.expectConnection('/api/events').request.lastEventId).toBe('1');
    controller.verify();
  });
});
