import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';

import { FAULT_ACTIONS, FaultControls } from './fault-controls';
import { settle } from '../testing/live-testing';

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

  const text = (role: string): string =>
    fixture.nativeElement.querySelector(`[role="${role}"]`).textContent.trim();

  it('has one button per fault', async () => {
    const buttons = await loader.getAllHarnesses(MatButtonHarness);
    expect(await Promise.all(buttons.map((button) => button.getText()))).toEqual([
      'Drop connection',
      '503 × 3',
      'Stall 20 s',
      'Bad MIME',
      '204',
    ]);
  });

  for (const { label, fault } of FAULT_ACTIONS) {
    it(`"${label}" posts ${JSON.stringify(fault)} and confirms`, async () => {
      const button = await loader.getHarness(MatButtonHarness.with({ text: label }));
      await button.click();
      const request = http.expectOne('/api/faults');
      expect(request.request.method).toBe('POST');
      expect(request.request.body).toEqual(fault);
      expect(await button.isDisabled()).toBeTrue();

      request.flush({ ok: true });
      await settle(fixture);
      expect(text('status')).toBe(`Injected: ${label}`);
      expect(text('alert')).toBe('');
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
    expect(text('alert')).toBe('503 × 3 failed: not-found: start the mock server with --faults');
    expect(text('status')).toBe('');
  });
});
