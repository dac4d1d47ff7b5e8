import { BurstThrottle } from './burst-throttle';

describe('BurstThrottle', () => {
  beforeEach(() => jasmine.clock().install());
  afterEach(() => jasmine.clock().uninstall());

  it('passes the first item at once, then one batch per window, then idles', () => {
    const batches: number[][] = [];
    const throttle = new BurstThrottle<number>((batch) => batches.push(batch), 1000);
    throttle.push(1);
    throttle.push(2);
    throttle.push(3);
    expect(batches).toEqual([[1]]);
    jasmine.clock().tick(1000);
    expect(batches).toEqual([[1], [2, 3]]);
    // A quiet window closes it: the next item goes at once again.
    jasmine.clock().tick(1000);
    throttle.push(4);
    expect(batches).toEqual([[1], [2, 3], [4]]);
  });

  it('drops what waits on clear, and starts afresh', () => {
    const batches: string[][] = [];
    const throttle = new BurstThrottle<string>((batch) => batches.push(batch), 1000);
    throttle.push('a');
    throttle.push('b');
    throttle.clear();
    jasmine.clock().tick(5000);
    throttle.push('c');
    expect(batches).toEqual([['a'], ['c']]);
  });
});
