import { DestroyRef } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { sseResource, type SseClient, type SseStreamOptions } from 'ngx-sse';
import type { SseTestingController } from 'ngx-sse/testing';

import { create, settle } from './resource.spec-helper';
import { setup } from './testing.spec-helper';

describe('stream() options from untyped code', () => {
  let warn: jasmine.Spy;
  let client: SseClient;
  let controller: SseTestingController;
  beforeEach(() => {
    warn = spyOn(console, 'warn');
    ({ client, controller } = setup());
  });

  const stream = (url: string, options: object) =>
    client.stream(url, { destroyRef: TestBed.inject(DestroyRef), ...options } as SseStreamOptions);

  it('warns in dev mode about an unknown option, naming the closest known one', () => {
    stream('/api/ticks', { heartbeatTimoutMs: 5000 });
    expect(warn).toHaveBeenCalledOnceWith(
      "ngx-sse: stream('/api/ticks') ignores the unknown option 'heartbeatTimoutMs' (did you mean 'heartbeatTimeoutMs'?)",
    );
  });

  it('lists every unknown option, with no suggestion when none is close', () => {
    stream('/e', { Transport: 'fetch', colour: 'red' });
    expect(warn).toHaveBeenCalledOnceWith(
      "ngx-sse: stream('/e') ignores the unknown options 'Transport' (did you mean 'transport'?), 'colour'",
    );
  });

  it('says nothing about the options it knows, on either transport', () => {
    stream('/e', { lingerMs: 10, lastEventId: '4', reconnect: false, crossTab: false });
    stream('/f', {
      transport: 'fetch',
      method: 'POST',
      headers: { A: 'b' },
      body: 'x',
      credentials: 'include',
      comments: true,
      replayWhenVisible: true,
      shareKey: 'k',
    });
    expect(warn).not.toHaveBeenCalled();
  });

  it('says nothing about an sseResource request object, whose url is not a stream option', async () => {
    create(() =>
      sseResource<{ message: string }, 'message'>(() => ({ url: '/e', lingerMs: 5 }), {
        event: 'message',
      }),
    );
    await settle();
    expect(controller.expectConnection('/e')).toBeDefined();
    expect(warn).not.toHaveBeenCalled();
  });
});
