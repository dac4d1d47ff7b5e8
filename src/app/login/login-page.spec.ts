import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { Router } from '@angular/router';

import { Session } from '../core/session';
import { LoginPage } from './login-page';
import { provideLiveTesting, settle } from '../testing/live-testing';
import { subscriptOverflow } from '../testing/subscript-overflow';

describe('LoginPage', () => {
  async function setup(returnUrl?: string) {
    TestBed.configureTestingModule({
      providers: [...provideLiveTesting()],
    });
    const navigate = spyOn(TestBed.inject(Router), 'navigateByUrl').and.resolveTo(true);
    const fixture = TestBed.createComponent(LoginPage);
    if (returnUrl !== undefined) fixture.componentRef.setInput('returnUrl', returnUrl);
    const loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
    return {
      fixture,
      navigate,
      http: TestBed.inject(HttpTestingController),
      input: await loader.getHarness(MatInputHarness),
      submit: await loader.getHarness(MatButtonHarness.with({ text: 'Sign in' })),
    };
  }

  it('signs in with the username and goes to the overview', async () => {
    const { input, submit, http, navigate, fixture } = await setup();
    await input.setValue('alice');
    await submit.click();
    const request = http.expectOne({ method: 'POST', url: '/api/session' });
    expect(request.request.body).toEqual({ username: 'alice' });
    request.flush({ username: 'alice' });
    await settle(fixture);
    expect(TestBed.inject(Session).user()).toBe('alice');
    expect(navigate).toHaveBeenCalledWith('/');
  });

  for (const [returnUrl, target] of [
    ['/jobs?tab=1', '/jobs?tab=1'],
    ['//evil.example/phish', '/'],
  ]) {
    it(`after signing in goes to the returnUrl "${returnUrl}" only if it stays in the app`, async () => {
      const { input, submit, http, navigate, fixture } = await setup(returnUrl);
      await input.setValue('alice');
      await submit.click();
      http.expectOne('/api/session').flush({ username: 'alice' });
      await settle(fixture);
      expect(navigate).toHaveBeenCalledWith(target);
    });
  }

  it('follows a sign-in made in another tab to the returnUrl', async () => {
    const { navigate, fixture } = await setup('/jobs');
    // What Session does when another tab signed in (session.spec.ts covers that part).
    TestBed.inject(Session).user.set('alice');
    await fixture.whenStable();
    expect(navigate).toHaveBeenCalledOnceWith('/jobs');
  });

  it('shows the server error and stays', async () => {
    const { input, submit, http, navigate, fixture } = await setup();
    await input.setValue('bob');
    await submit.click();
    http
      .expectOne('/api/session')
      .flush(
        { error: 'Bad Request', detail: 'username is taken' },
        { status: 400, statusText: 'Bad Request' },
      );
    await settle(fixture);
    expect(fixture.nativeElement.querySelector('[role="alert"]').textContent).toContain(
      'Bad Request: username is taken',
    );
    expect(navigate).not.toHaveBeenCalled();
  });

  for (const [value, reason] of [
    ['', 'A username is required'],
    ['x'.repeat(65), 'At most 64 characters'],
    ['no spaces', 'Letters, digits, dots, dashes and underscores only'],
  ]) {
    it(`refuses "${value.slice(0, 12)}" before asking the server, saying why`, async () => {
      const { input, submit, http, fixture } = await setup();
      await input.setValue(value);
      await submit.click();
      http.expectNone('/api/session');
      const errors = [...fixture.nativeElement.querySelectorAll('mat-error')].map((error) =>
        error.textContent.trim(),
      );
      expect(errors).toEqual([reason]);
    });
  }

  it('shows why the user was sent here', async () => {
    TestBed.configureTestingModule({
      providers: [...provideLiveTesting()],
    });
    TestBed.inject(Session).notice.set(
      'Your session has ended: it expired, or the server restarted. Please sign in again.',
    );
    const fixture = TestBed.createComponent(LoginPage);
    await fixture.whenStable();
    expect(fixture.nativeElement.textContent).toContain(
      'Your session has ended: it expired, or the server restarted',
    );
  });

  it("keeps the username's hint and error inside the form at 320 px, above Sign in", async () => {
    const { input, fixture } = await setup();
    const host: HTMLElement = fixture.nativeElement;
    host.style.display = 'block';
    host.style.width = '320px';
    const button = host.querySelector('button[type="submit"]')!;
    const clearOfButton = (message: string) =>
      host.querySelector(message)!.getBoundingClientRect().bottom <=
      button.getBoundingClientRect().top;
    expect(subscriptOverflow(host)).toEqual([]);
    expect(clearOfButton('mat-hint')).toBeTrue();
    await input.setValue('bad name!');
    host.querySelector('form')!.requestSubmit();
    await fixture.whenStable();
    expect(host.querySelector('mat-error')?.textContent).toContain('Letters, digits');
    expect(subscriptOverflow(host)).toEqual([]);
    expect(clearOfButton('mat-error')).toBeTrue();
  });
});
