import { HttpErrorResponse } from '@angular/common/http';

import { Submission } from './submission';

describe('Submission', () => {
  it('is busy while its action runs and ignores a second run meanwhile', async () => {
    const submission = new Submission();
    let finish!: () => void;
    let runs = 0;
    const action = () => {
      runs++;
      return new Promise<void>((resolve) => (finish = resolve));
    };
    const first = submission.run(action);
    expect(submission.busy()).toBeTrue();
    // A focusable, aria-disabled button can still be pressed while busy.
    expect(await submission.run(action)).toBeFalse();
    expect(runs).toBe(1);
    finish();
    expect(await first).toBeTrue();
    expect(submission.busy()).toBeFalse();
  });

  it('keeps a readable error after a failed run', async () => {
    const submission = new Submission();
    const down = new HttpErrorResponse({ status: 0 });
    expect(await submission.run(() => Promise.reject(down))).toBeFalse();
    expect(submission.error()).toContain('Cannot reach the server');
  });
});
