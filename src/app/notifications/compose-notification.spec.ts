import { HttpTestingController } from '@angular/common/http/testing';
import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';

import { NotificationStore } from '../core/notification-store';
import { ComposeNotification } from './compose-notification';
import { provideLiveTesting, settle } from '../testing/live-testing';
import { subscriptOverflow } from '../testing/subscript-overflow';

describe('ComposeNotification', () => {
  let fixture: ComponentFixture<ComposeNotification>;
  let loader: HarnessLoader;
  let http: HttpTestingController;

  const input = (name: string): Promise<MatInputHarness> =>
    loader.getHarness(MatInputHarness.with({ selector: `[formControlName="${name}"]` }));
  const send = async (): Promise<void> =>
    (await loader.getHarness(MatButtonHarness.with({ text: 'Send' }))).click();
  const text = (selector: string): string =>
    fixture.nativeElement.querySelector(selector)?.textContent.trim() ?? '';

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: provideLiveTesting() });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ComposeNotification);
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  it('posts level, title and message, shows the reply at once and resets', async () => {
    const select = await loader.getHarness(MatSelectHarness);
    // The trigger's text includes the (aria-hidden) icon ligature.
    expect(await select.getValueText()).toMatch(/Info$/);
    await select.open();
    await select.clickOptions({ text: /Warning/ });
    await (await input('title')).setValue('Disk almost full');
    await (await input('message')).setValue('92% used');
    await send();

    const request = http.expectOne('/api/notifications');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({
      level: 'WARNING',
      title: 'Disk almost full',
      message: '92% used',
    });
    request.flush({
      id: 'n7',
      level: 'WARNING',
      title: 'Disk almost full',
      message: '92% used',
      createdAt: new Date().toISOString(),
    });
    await settle(fixture);

    expect(
      TestBed.inject(NotificationStore)
        .items()
        .map(({ id }) => id),
    ).toEqual(['n7']);
    expect(await (await input('title')).getValue()).toBe('');
    expect(await (await input('message')).getValue()).toBe('');
    expect(await select.getValueText()).toMatch(/Info$/);
    expect(text('mat-error')).toBe('');
    expect(text('[role="alert"]')).toBe('');
  });

  it('shows the server error and keeps what was typed', async () => {
    await (await input('title')).setValue('Hello');
    await send();
    http
      .expectOne('/api/notifications')
      .flush(
        { error: 'bad-request', detail: 'title is not allowed' },
        { status: 400, statusText: 'Bad Request' },
      );
    await settle(fixture);

    expect(text('[role="alert"]')).toBe('bad-request: title is not allowed');
    expect(await (await input('title')).getValue()).toBe('Hello');
  });

  it('requires a title and sends nothing without one', async () => {
    await send();
    http.expectNone('/api/notifications');
    expect(text('mat-error')).toBe('A title is required');
  });

  it('refuses a title of only whitespace, as the server would', async () => {
    await (await input('title')).setValue(' \t  ');
    await send();
    http.expectNone('/api/notifications');
    expect(text('mat-error')).toBe('A title needs more than spaces');
  });

  it('refuses a title over 200 and a message over 2000 characters', async () => {
    await (await input('title')).setValue('t'.repeat(201));
    await (await input('message')).setValue('m'.repeat(2001));
    await send();
    http.expectNone('/api/notifications');
    const errors = [...fixture.nativeElement.querySelectorAll('mat-error')].map((error) =>
      error.textContent.trim(),
    );
    expect(errors).toEqual(['At most 200 characters', 'At most 2000 characters']);
  });

  it('counts and takes 200 emoji as 200 characters, as the server does', async () => {
    const title = '😀'.repeat(200);
    await (await input('title')).setValue(title);
    expect(text('mat-hint')).toBe('200 / 200');
    await send();
    const request = http.expectOne('/api/notifications');
    expect(request.request.body.title).toBe(title);
    request.flush({
      id: 'n8',
      level: 'INFO',
      title,
      message: '',
      createdAt: new Date().toISOString(),
    });
    await settle(fixture);
    expect(text('mat-error')).toBe('');
  });

  it('gives the level select the height of the title field beside it', async () => {
    const [level, title] = [
      ...fixture.nativeElement.querySelectorAll('.mat-mdc-text-field-wrapper'),
    ].map((field: Element) => field.getBoundingClientRect().height);
    expect(level).toBe(title);
  });

  it('keeps every hint and error inside its field at 320 px', async () => {
    const host: HTMLElement = fixture.nativeElement;
    host.style.display = 'block';
    host.style.width = '320px';
    expect(subscriptOverflow(host)).toEqual([]);
    await (await input('title')).setValue('   ');
    await (await input('message')).setValue('x'.repeat(2001));
    await send();
    expect(host.querySelectorAll('mat-error').length).toBe(2);
    expect(subscriptOverflow(host)).toEqual([]);
  });
});
