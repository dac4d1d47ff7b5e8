import { Injectable } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { SseBackend, SseBackendDecorator, SseBackendHandlers, SseRequest } from 'ngx-sse';

import { SSE_CONFIG } from './config';
import { setup } from './testing.spec-helper';

/** A decorator standing in for withCrossTabSharing(): it reports this tab as a follower. */
@Injectable({ providedIn: 'root' })
class FollowerDecorator implements SseBackendDecorator {
  readonly keys: string[] = [];

  decorate(backend: SseBackend, key: string): SseBackend {
    this.keys.push(key);
    return {
      connect: (request: SseRequest, handlers: SseBackendHandlers) => {
        const connection = backend.connect(request, handlers);
        handlers.role?.('follower');
        return connection;
      },
    };
  }
}

describe('SseClient: cross-tab seam', () => {
  const withSeam = () =>
    setup([], [{ provide: SSE_CONFIG, multi: true, useValue: { crossTab: FollowerDecorator } }]);

  it("wraps a GET stream's backend with the decorator, and the role handler reaches diagnostics", () => {
    const { client, controller } = withSeam();
    const stream = client.stream<{ tick: number }>('/api/events');
    const ticks: number[] = [];
    stream.on('tick').subscribe(({ data }) => ticks.push(data));
    const connection = controller.expectConnection('/api/events');
    connection.open();
    connection.emit('tick', 1, '1');

    expect(decorator().keys.length).toBe(1);
    expect(stream.diagnostics().role).toBe('follower');
    expect(stream.diagnostics().eventsReceived).toBe(1);
    expect(ticks).toEqual([1]);
  });

  it('leaves streams with crossTab: false, and non-GET streams, to this tab', () => {
    const { client, controller } = withSeam();
    client.stream('/api/solo', { crossTab: false }).on('tick').subscribe();
    client
      .stream('/api/post', { transport: 'fetch', method: 'POST', body: '{}' })
      .on('tick')
      .subscribe();
    controller.expectConnection('/api/solo').open();
    controller.expectConnection('/api/post').open();

    expect(decorator().keys).toEqual([]);
  });
});

/** The decorator the client injected (`providedIn: 'root'`: one per test injector). */
function decorator(): FollowerDecorator {
  return TestBed.inject(FollowerDecorator);
}
