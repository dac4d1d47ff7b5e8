import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';

import { LoadError } from './load-error';

describe('LoadError', () => {
  it('says what failed, and Retry asks again with focus moved to the page heading', async () => {
    const main = document.body.appendChild(document.createElement('main'));
    const heading = main.appendChild(document.createElement('h2'));
    const fixture = TestBed.createComponent(LoadError);
    fixture.componentRef.setInput('what', 'jobs');
    fixture.componentRef.setInput('message', 'http 503');
    let retries = 0;
    fixture.componentInstance.retry.subscribe(() => retries++);
    const loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();

    const alert: HTMLElement = fixture.nativeElement.querySelector('[role="alert"]');
    expect(alert.textContent).toContain('Could not load the jobs: http 503');
    await (await loader.getHarness(MatButtonHarness.with({ text: /Retry/ }))).click();
    expect(retries).toBe(1);
    // The box goes while the load is retried; focus must not go with it.
    expect(document.activeElement).toBe(heading);
    main.remove();
  });
});
