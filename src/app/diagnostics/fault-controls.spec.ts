import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';

import { DEFAULT_HEARTBEAT_TIMEOUT_MS } from '../core/live-stream';
import { faultActions } from './fault-actions';
import { FaultControls } from './fault-controls';
import { settle } from '../testing/live-testing';

const DEFAULTS = { transport: 'fetch', heartbeatTimeoutMs: DEFAULT_HEARTBEAT_TIMEOUT_MS } as const;

describe('FaultControls', () => {
  let fixture: ComponentFixture<FaultControls>;
  let loader: HarnessLoader;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(FaultControls);
    loader = TestbedHarnessEnvironment.loader(fixture);
  });

  afterEach(() => http.verify());

  const text = (selector: string): string =>
    fixture.nativeElement.querySelector(selector)?.textContent.trim() ?? '';

  it('has one button per fault, each described by what will happen', async () => {
    const buttons = await loader.getAllHarnesses(MatButtonHarness);
    expect(await Promise.all(buttons.map((button) => button.getText()))).toEqual([
      'Drop connection',
      '503 × 3',
      'Stall 7 s',
      'Bad MIME',
      '204',
    ]);
    for (const button of buttons) {
      const id = await (await button.host()).getAttribute('aria-describedby');
      expect(text(`#${id}`).length).toBeGreaterThan(20);
    }
  });

  it('stalls longer than the heartbeat timeout in effect, and says what the client will do', async () => {
    fixture.componentRef.setInput('heartbeatTimeoutMs', 3000);
    const stall = await loader.getHarness(MatButtonHarness.with({ text: 'Stall 8 s' }));
    const id = await (await stall.host()).getAttribute('aria-describedby');
    expect(text(`#${id}`)).toContain('after the 3 s heartbeat timeout');
    await stall.click();
    expect(http.expectOne('/api/faults').request.body).toEqual({ kind: 'stall', ms: 8000 });
  });

  it('says a stall goes unnoticed when no heartbeat timeout applies', async () => {
    fixture.componentRef.setInput('transport', 'eventsource');
    const stall = await loader.getHarness(MatButtonHarness.with({ text: 'Stall 20 s' }));
    const id = await (await stall.host()).getAttribute('aria-describedby');
    expect(text(`#${id}`)).toContain('cannot tell');
  });

  for (const { label, fault } of faultActions(DEFAULTS)) {
    it(`"${label}" posts ${JSON.stringify(fault)} and confirms`, async () => {
      const button = await loader.getHarness(MatButtonHarness.with({ text: label }));
      await button.click();
      const request = http.expectOne('/api/faults');
      expect(request.request.method).toBe('POST');
      expect(request.request.body).toEqual(fault);
      expect(await button.isDisabled()).toBeTrue();

      request.flush({ ok: true });
      await settle(fixture);
      expect(text('[role="status"]')).toMatch(
        new RegExp(`^Injected at \\d\\d:\\d\\d:\\d\\d: ${label}$`),
      );
      expect(text('[role="alert"]')).toBe('');
      expect(await button.isDisabled()).toBeFalse();
    });
  }

  it('shows the server’s error in an alert', async () => {
    await (await loader.getHarness(MatButtonHarness.with({ text: '503 × 3' }))).click();
    http
      .expectOne('/api/faults')
      .flush(
        { error: 'not-found', detail: 'start the mock server with --faults' },
        { status: 404, statusText: 'Not Found' },
      );
    await settle(fixture);
    expect(text('[role="alert"]')).toBe(
      '503 × 3 failed: not-found: start the mock server with --faults',
    );
    expect(text('[role="status"]')).toBe('');
  });

  it('keeps every fault label on one line, the buttons one width, even with larger text', async () => {
    // Larger than the default 14 px, as a user's font settings may make it.
    fixture.nativeElement.style.setProperty('--mat-button-outlined-label-text-size', '20px');
    await fixture.whenStable();
    const buttons: HTMLElement[] = [...fixture.nativeElement.querySelectorAll('li button')];
    const label = buttons[0].querySelector('.mdc-button__label')!;
    expect(label.getClientRects().length).toBe(1);
    expect(label.getBoundingClientRect().height).toBeLessThan(30);
    const widths = new Set(buttons.map((button) => button.getBoundingClientRect().width));
    expect(widths.size).toBe(1);
  });
});
