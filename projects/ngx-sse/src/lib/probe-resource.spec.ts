import { signal } from '@angular/core';

import { eventStream, recordingFetch } from './probe.spec-helper';
import { collect, settle } from './resource.spec-helper';
import { serveWire } from './wire-client.spec-helper';

/** A fetch whose every request stays open (until aborted) after one `n` event. */
function serve() {
  const wire = recordingFetch((_, init) =>
    eventStream(
      new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('event: n\ndata: {"v":1}\n\n'));
          init.signal?.addEventListener('abort', () => controller.error(init.signal!.reason));
        },
      }),
    ),
  );
  serveWire(wire.fetch);
  return { wire };
}

describe('probe: sseResource with a request function that misbehaves', () => {
  // Angular's own resource() rethrows a params error from status() and from the change detection
  // that reads it, without aborting the loader: sseResource must not do worse (no leak, no
  // duplicate connection) and must recover when the function does.
  it('a request function that throws is rethrown as Angular does, and the resource recovers', async () => {
    const { wire } = serve();
    const bug = new Error('request bug');
    const broken = signal(false);
    const { ref } = collect(() => {
      if (broken()) throw bug;
      return '/probe';
    });
    await settle();
    expect(ref.value()).toEqual([1]);
    broken.set(true);
    await expectAsync(settle()).toBeRejectedWith(bug);
    expect(() => ref.status()).toThrow(bug);
    broken.set(false);
    await settle();
    expect(ref.status()).toBe('resolved');
    expect(ref.value()).toEqual([1]);
    expect(wire.requests.length).toBe(1);
    expect(wire.open()).toBe(1);
  });

  it('a request function that throws from the start sends nothing', async () => {
    const { wire } = serve();
    const bug = new Error('request bug');
    const { ref } = collect(() => {
      throw bug;
    });
    await expectAsync(settle()).toBeRejectedWith(bug);
    expect(() => ref.status()).toThrow(bug);
    expect(wire.requests).toEqual([]);
  });

  it('a request flipping between undefined and a URL every tick leaves nothing open', async () => {
    const { wire } = serve();
    const on = signal(true);
    const { ref } = collect(() => (on() ? '/probe' : undefined));
    for (let i = 0; i < 20; i++) {
      await settle();
      expect(wire.open())
        .withContext(`tick ${i}`)
        .toBe(on() ? 1 : 0);
      on.update((v) => !v);
    }
    on.set(false);
    await settle();
    expect(ref.status()).toBe('idle');
    expect(wire.open()).toBe(0);
    expect(wire.requests.length).toBe(10);
  });

  it('a request flipping between two URLs every tick keeps only the latest open', async () => {
    const { wire } = serve();
    const which = signal(0);
    const { injector } = collect(() => `/probe-${which() % 2}`);
    for (let i = 1; i <= 20; i++) {
      which.set(i);
      await settle();
      expect(wire.open()).withContext(`tick ${i}`).toBe(1);
    }
    expect(wire.requests.at(-1)!.url).toBe('/probe-0');
    injector.destroy();
    await settle();
    expect(wire.open()).toBe(0);
  });
});
