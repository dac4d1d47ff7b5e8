import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { FormControl } from '@angular/forms';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatButtonToggleHarness } from '@angular/material/button-toggle/testing';
import { MatCheckboxHarness } from '@angular/material/checkbox/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';

import { StreamSettings, type StreamSettingsValue, heartbeatSeconds } from './stream-settings';

describe('StreamSettings', () => {
  let fixture: ComponentFixture<StreamSettings>;
  let loader: HarnessLoader;
  let applied: StreamSettingsValue[];

  beforeEach(() => {
    fixture = TestBed.createComponent(StreamSettings);
    fixture.componentRef.setInput('transport', 'fetch');
    fixture.componentRef.setInput('heartbeatTimeoutMs', 45_000);
    applied = [];
    fixture.componentInstance.apply.subscribe((value) => applied.push(value));
    loader = TestbedHarnessEnvironment.loader(fixture);
  });

  const heartbeat = () => loader.getHarness(MatInputHarness);
  const field = () => loader.getHarness(MatFormFieldHarness);
  const toggle = (text: string) => loader.getHarness(MatButtonToggleHarness.with({ text }));
  const apply = async () =>
    (await loader.getHarness(MatButtonHarness.with({ text: 'Apply' }))).click();
  const status = (): string =>
    fixture.nativeElement.querySelector('[role="status"]').textContent.trim();

  it('starts from the settings in effect', async () => {
    expect(await (await toggle('fetch')).isChecked()).toBeTrue();
    expect(await (await heartbeat()).getValue()).toBe('45');
    expect(status()).toBe('Applied: fetch transport, heartbeat timeout 45 s');
  });

  it('applies a new heartbeat timeout in milliseconds', async () => {
    await (await heartbeat()).setValue('20');
    await apply();
    expect(applied).toEqual([{ transport: 'fetch', heartbeatTimeoutMs: 20_000, crossTab: true }]);

    await (await heartbeat()).setValue('0');
    await apply();
    expect(applied[1]).toEqual({ transport: 'fetch', heartbeatTimeoutMs: 0, crossTab: true });
  });

  it('shows an error and applies nothing outside 0 or 2–600 seconds', async () => {
    const input = await heartbeat();
    await input.setValue('601');
    await input.blur();
    expect(await (await field()).getTextErrors()).toEqual([
      'Enter whole seconds: 0 (off) or 2–600.',
    ]);
    await apply();
    expect(applied).toEqual([]);

    // Shorter than two heartbeats of the server: it would fire on a healthy stream.
    await input.setValue('1');
    expect(await (await field()).getTextErrors()).toEqual([
      'Enter whole seconds: 0 (off) or 2–600.',
    ]);

    await input.setValue('600');
    expect(await (await field()).getTextErrors()).toEqual([]);
  });

  it('states the valid range in its hint', async () => {
    expect(await (await field()).getTextHints()).toEqual([
      'Whole seconds: 0 (off) or 2–600. The server sends a heartbeat every second.',
    ]);
    expect(await (await (await heartbeat()).host()).getAttribute('max')).toBe('600');
  });

  it('disables the heartbeat timeout for the native transport and says why', async () => {
    await (await toggle('native (EventSource)')).check();
    expect(await (await heartbeat()).isDisabled()).toBeTrue();
    const [hint] = await (await field()).getTextHints();
    expect(hint).toContain('EventSource hides heartbeat comments');
    await apply();
    expect(applied).toEqual([
      { transport: 'eventsource', heartbeatTimeoutMs: 45_000, crossTab: true },
    ]);

    await (await toggle('fetch')).check();
    expect(await (await heartbeat()).isDisabled()).toBeFalse();
  });

  it('follows settings applied elsewhere', async () => {
    fixture.componentRef.setInput('transport', 'eventsource');
    expect(await (await toggle('native (EventSource)')).isChecked()).toBeTrue();
    expect(await (await heartbeat()).isDisabled()).toBeTrue();
    expect(status()).toBe('Applied: native transport, no heartbeat timeout');
  });

  it('shares the connection across tabs by default, and applies turning it off', async () => {
    const share = await loader.getHarness(
      MatCheckboxHarness.with({ label: 'Share the connection across tabs' }),
    );
    expect(await share.isChecked()).toBeTrue();
    await share.uncheck();
    await apply();
    expect(applied).toEqual([{ transport: 'fetch', heartbeatTimeoutMs: 45_000, crossTab: false }]);
    fixture.componentRef.setInput('crossTab', false);
    expect(await share.isChecked()).toBeFalse();
    expect(status()).toBe(
      'Applied: fetch transport, heartbeat timeout 45 s, each tab connects by itself',
    );
  });

  it('validates heartbeat seconds', () => {
    const valid = (value: number | null) => heartbeatSeconds(new FormControl(value)) === null;
    expect([0, 2, 30, 600].every(valid)).toBeTrue();
    expect([null, -1, 0.5, 1, 30.5, 601].some(valid)).toBeFalse();
  });
});
