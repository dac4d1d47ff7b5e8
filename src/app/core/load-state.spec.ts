import { LoadState } from './load-state';

describe('LoadState', () => {
  it('stays pending until the last of overlapping loads ends, and records the outcome', async () => {
    const state = new LoadState();
    let finishFirst!: () => void;
    let failSecond!: (error: Error) => void;
    const first = state.run(() => new Promise<void>((resolve) => (finishFirst = resolve)));
    const second = state.run(() => new Promise<void>((_, reject) => (failSecond = reject)));
    expect(state.pending()).toBeTrue();
    finishFirst();
    await first;
    expect(state.pending()).withContext('the second load is still under way').toBeTrue();
    failSecond(new Error('offline'));
    await expectAsync(second).toBeRejected();
    expect(state.pending()).toBeFalse();
    expect(state.error()).not.toBeNull();
  });

  it('clear() forgets the failure and the loads under way', async () => {
    const state = new LoadState();
    void state.run(() => new Promise<void>(() => undefined));
    state.clear();
    expect(state.pending()).toBeFalse();
    expect(state.error()).toBeNull();
  });
});
