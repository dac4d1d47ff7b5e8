import { TestBed } from '@angular/core/testing';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatSnackBarHarness } from '@angular/material/snack-bar/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { Component } from '@angular/core';

@Component({ template: '' })
class Host {}

// The rule lives in styles.scss, which the test build loads like the app does.
describe('snack bar text', () => {
  it('wraps a long unbroken title inside the snack bar instead of cutting it off', async () => {
    const fixture = TestBed.createComponent(Host);
    const title = `Error notification: ${'verylongwordwithoutspaces'.repeat(8)}`;
    TestBed.inject(MatSnackBar).open(title, 'Dismiss');
    const loader = TestbedHarnessEnvironment.documentRootLoader(fixture);
    const snackBar = await loader.getHarness(MatSnackBarHarness);
    expect(await snackBar.getMessage()).toBe(title);
    // As wide as a phone leaves it: the word must wrap within, not push past the edge.
    const container = document.querySelector<HTMLElement>('.mat-mdc-snack-bar-container')!;
    container.style.width = '360px';
    const label = document.querySelector<HTMLElement>('.mat-mdc-snack-bar-label')!;
    expect(label.scrollWidth).toBeLessThanOrEqual(label.clientWidth);
    expect(container.scrollWidth).toBeLessThanOrEqual(360);
    await snackBar.dismissWithAction();
  });
});
