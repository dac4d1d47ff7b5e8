import { EnvironmentInjector, ErrorHandler } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import {
  SSE_FETCH,
  SseClient,
  SseError,
  provideSse,
  withBatching,
  withFetchTransport,
  withReconnect,
} from 'ngx-sse';

import { until } from './sse-stub.spec-helper';

interface Events {
  n: { v: number };
}

/** A fetch transport whose every attempt gets `respond()`, and the `ErrorHandler`'s reports. */
function serve(respond: () => Response, ...features: Parameters<typeof provideSse>) {
  const reported: unknown[] = [];
  TestBed.configureTestingModule({
    providers: [
      provideSse(withFetchTransport(), ...features),
      { provide: SSE_FETCH, useValue: async () => respond() },
      { provide: ErrorHandler, useValue: { handleError: (e: unknown) => reported.push(e) } },
    ],
  });
  const client = TestBed.inject(SseClient);
  const injector = TestBed.inject(EnvironmentInjector);
  return { client, injector, reported };
}

const eventStream = (body: string, contentType = 'text/event-stream') =>
  new Response(body, { status: 200, headers: { 'Content-Type': contentType } });

describe('what a server or a caller may send that the library must survive', () => {
  it('an event name starting with NUL is an ordinary event: it neither ends nor fakes anything', async () => {
    const body =
      'event: \0end\ndata: x\n\nevent: n\ndata: {"v":1}\n\nevent: \0comments\ndata: spoof\n\n';
    const { client, injector, reported } = serve(
      () => eventStream(body),
      withBatching('microtask'),
    );
    const stream = client.stream<Events & { '\0end': string }>('/x', {
      transport: 'fetch',
      reconnect: false,
      comments: true,
      deserialize: 'text',
      injector,
    });
    const seen: string[] = [];
    const comments: string[] = [];
    stream
      .on('n')
      .subscribe({ next: ({ data }) => seen.push(String(data)), error: () => undefined });
    stream.on('\0end').subscribe({ next: ({ data }) => seen.push(data), error: () => undefined });
    stream.comments().subscribe({ next: (c) => comments.push(c), error: () => undefined });
    await until(() => stream.state().status === 'closed', 'closed');
    expect(reported).toEqual([]);
    expect(seen).toEqual(['x', '{"v":1}']);
    expect(comments).toEqual([]);
  });

  it('diagnostics().lastEventId follows an id:-only frame', async () => {
    const { client, injector } = serve(() => eventStream('id: head-5\n\n'));
    const stream = client.stream<Events>('/x', { reconnect: false, injector });
    stream.on('n').subscribe({ error: () => undefined });
    await until(() => stream.state().status === 'closed', 'closed');
    expect(stream.diagnostics().lastEventId).toBe('head-5');
  });

  it('a Content-Type sent twice (combined "a, b") is read as browsers read it: the last valid type', async () => {
    const { client, injector } = serve(() => {
      const headers = new Headers();
      headers.append('Content-Type', 'text/html');
      headers.append('Content-Type', 'text/event-stream');
      return new Response('event: n\ndata: {"v":1}\n\n', { status: 200, headers });
    });
    const stream = client.stream<Events>('/x', { reconnect: false, injector });
    const seen: number[] = [];
    stream.on('n').subscribe({ next: ({ data }) => seen.push(data.v), error: () => undefined });
    await until(() => stream.state().status === 'closed', 'closed');
    expect(stream.state()).toEqual(jasmine.objectContaining({ reason: 'ended' }));
    expect(seen).toEqual([1]);
  });

  it('a reconnect policy that throws ends the stream with invalid-request, its error the cause', async () => {
    const bug = new Error('policy bug');
    const { client, injector } = serve(
      () => new Response('busy', { status: 503 }),
      withReconnect({
        policy: () => {
          throw bug;
        },
      }),
    );
    const stream = client.stream<Events>('/x', { injector });
    let error: SseError | null = null;
    stream.on('n').subscribe({ error: (e: SseError) => (error = e) });
    await until(() => stream.state().status === 'closed', 'closed');
    expect(stream.state()).toEqual(jasmine.objectContaining({ reason: 'invalid-request' }));
    expect(error!.cause).toBe(bug);
    expect(error!.detail).toBe('the reconnect policy threw: Error: policy bug');
  });

  it('a ReadableStream body is refused at stream(): it could not be sent again on a reconnect', () => {
    const { client, injector } = serve(() => eventStream(''));
    const body = new ReadableStream<Uint8Array>();
    expect(() =>
      client.stream('/x', { transport: 'fetch', method: 'POST', body, injector }),
    ).toThrowMatching(
      (e: unknown) =>
        e instanceof SseError &&
        e.reason === 'invalid-request' &&
        /ReadableStream body/.test(e.detail ?? ''),
    );
  });
});
