import { type ComponentFixture, TestBed } from '@angular/core/testing';

import { ErrorMessage } from './error-message';

describe('ErrorMessage', () => {
  let fixture: ComponentFixture<ErrorMessage>;
  const alert = (): HTMLElement | null => fixture.nativeElement.querySelector('[role="alert"]');

  beforeEach(() => {
    fixture = TestBed.createComponent(ErrorMessage);
  });

  it('shows the message as an alert', async () => {
    fixture.componentRef.setInput('message', 'bad-request: title is required');
    await fixture.whenStable();
    expect(alert()?.textContent?.trim()).toBe('bad-request: title is required');
  });

  it('renders no alert without a message, and removes it when the message clears', async () => {
    await fixture.whenStable();
    expect(alert()).toBeNull();
    fixture.componentRef.setInput('message', 'Request failed');
    await fixture.whenStable();
    expect(alert()).not.toBeNull();
    fixture.componentRef.setInput('message', null);
    await fixture.whenStable();
    expect(alert()).toBeNull();
  });
});
