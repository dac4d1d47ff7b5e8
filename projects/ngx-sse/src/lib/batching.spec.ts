import { batchSchedule, frameSchedule } from './batching';

describe('frameSchedule (the default batching)', () => {
  // Frames are driven by hand: each `frame()` runs the callbacks requested before it, as a
  // browser runs the animation frame callbacks of one rendering step.
  let requested: Map<number, FrameRequestCallback>;
  let nextHandle: number;
  const frame = () => {
    const due = [...requested.values()];
    requested.clear();
    for (const callback of due) callback(0);
  };

  beforeEach(() => {
    requested = new Map();
    nextHandle = 0;
    spyOn(window, 'requestAnimationFrame').and.callFake((callback) => {
      requested.set(++nextHandle, callback);
      return nextHandle;
    });
    spyOn(window, 'cancelAnimationFrame').and.callFake((handle) => requested.delete(handle));
    jasmine.clock().install();
  });

  afterEach(() => jasmine.clock().uninstall());

  /** Flushes over 60 frames of a steady stream: new work after each flush asks for the next. */
  function steadyFlushes(zoned: boolean): number {
    let flushes = 0;
    const flush = () => {
      flushes++;
      frameSchedule!(flush, zoned);
    };
    frameSchedule!(flush, zoned);
    for (let i = 0; i < 60; i++) frame();
    return flushes;
  }

  it('flushes on the next frame when zoneless', () => {
    const flush = jasmine.createSpy('flush');
    frameSchedule!(flush, false);
    frame();
    expect(flush).toHaveBeenCalledTimes(1);
    expect(steadyFlushes(false)).toBe(60);
  });

  it('flushes on the second frame under zone.js: a steady stream gets one flush per two frames', () => {
    const flush = jasmine.createSpy('flush');
    frameSchedule!(flush, true);
    frame();
    expect(flush).not.toHaveBeenCalled();
    frame();
    expect(flush).toHaveBeenCalledTimes(1);
    expect(steadyFlushes(true)).toBe(30);
  });

  it('flushes after 100 ms when frames stop (a hidden tab), once, and cancels the frame', () => {
    const flush = jasmine.createSpy('flush');
    frameSchedule!(flush, true);
    frame();
    jasmine.clock().tick(99);
    expect(flush).not.toHaveBeenCalled();
    jasmine.clock().tick(1);
    expect(flush).toHaveBeenCalledTimes(1);
    expect(requested.size).toBe(0);
    frame();
    expect(flush).toHaveBeenCalledTimes(1);
  });

  it('cancels the timer when the frame flushes first', () => {
    const flush = jasmine.createSpy('flush');
    frameSchedule!(flush, true);
    frame();
    frame();
    jasmine.clock().tick(200);
    expect(flush).toHaveBeenCalledTimes(1);
  });

  it("is the 'animation-frame' mode; 'sync' has no schedule", () => {
    expect(batchSchedule('animation-frame')).toBe(frameSchedule);
    expect(batchSchedule('sync')).toBeNull();
  });
});
