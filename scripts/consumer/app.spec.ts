import { TestBed } from '@angular/core/testing';
import { SseTestingController, provideSseTesting } from 'ngx-sse/testing';

import { App } from './app';
import { appConfig } from './app.config';

describe('App (consumer of the packed ngx-sse)', () => {
  it('renders a stream and an sseResource with the providers ng add configured, through the testing kit', async () => {
    // appConfig holds what `ng add ngx-sse --transport fetch` wrote; the kit replaces the transport.
    TestBed.configureTestingModule({ providers: [...appConfig.providers, provideSseTesting()] });
    const fixture = TestBed.createComponent(App);
    await fixture.whenStable();
    const controller = TestBed.inject(SseTestingController);
    const connection = controller.expectConnection('/api/events');
    connection.open();
    connection.emit('greeting', { text: 'hello' }, '1');
    const ticks = controller.expectConnection('/api/ticks');
    ticks.open();
    ticks.emit('tick', { n: 2 }, '1');
    ticks.emit('tick', { n: 3 }, '2');
    await fixture.whenStable();
    expect(fixture.nativeElement.textContent).toContain('hello (open)');
    expect(fixture.nativeElement.textContent).toContain('ticks 5 (resolved)');
    controller.verify();
  });
});
