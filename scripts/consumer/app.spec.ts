import { TestBed } from '@angular/core/testing';
import { SseTestingController, provideSseTesting } from 'ngx-sse/testing';

import { App } from './app';

describe('App (consumer of the packed ngx-sse)', () => {
  it('renders an event delivered through the testing kit', async () => {
    TestBed.configureTestingModule({ providers: [provideSseTesting()] });
    const fixture = TestBed.createComponent(App);
    await fixture.whenStable();
    const connection = TestBed.inject(SseTestingController).expectConnection('/api/events');
    connection.open();
    connection.emit('greeting', { text: 'hello' }, '1');
    await fixture.whenStable();
    expect(fixture.nativeElement.textContent).toContain('hello (open)');
    TestBed.inject(SseTestingController).verify();
  });
});
