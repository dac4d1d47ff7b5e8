import { EnvironmentInjector } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import {
  SSE_SCHEDULER,
  SseClient,
  type SseError,
  provideSse,
  withFetchTransport,
  withReconnect,
} from 'ngx-sse';
import { FakeSseScheduler } from 'ngx-sse/testing';

import { type StubEvents, stats, uniqueKey, until } from './sse-stub.spec-helper';

// Against the real endpoint Karma serves (projects/ngx-sse/karma-sse-stub.cjs), in the real
// browser: what a real server and the real fetch do with a caller's very long or odd URL.
describe('probe: odd URLs against a real server', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideSse(withFetchTransport(), withReconnect({ maxAttempts: 2 })),
        { provide: SSE_SCHEDULER, useValue: new FakeSseScheduler() },
      ],
    });
  });

  const open = (url: string) => {
    const stream = TestBed.inject(SseClient).stream<StubEvents>(url, {
      transport: 'fetch',
      injector: TestBed.inject(EnvironmentInjector),
    });
    const errors: SseError[] = [];
    const echoes: StubEvents['echo'][] = [];
    stream.on('echo').subscribe({
      next: ({ data }) => echoes.push(data),
      error: (error: SseError) => errors.push(error),
    });
    return { stream, errors, echoes };
  };

  it('a URL longer than the server accepts is an http 431 that stops, not a retry loop', async () => {
    const key = uniqueKey();
    const { stream, errors } = open(`/sse-stub/echo?key=${key}&pad=${'x'.repeat(20_000)}`);
    await until(() => stream.state().status === 'closed', 'closed');
    expect(stream.state()).toEqual(jasmine.objectContaining({ reason: 'http' }));
    expect(errors.map((e) => [e.reason, e.status])).toEqual([['http', 431]]);
    // Refused before the stub's handler ran: it never counted the key.
    expect((await stats(key)).count).toBe(0);
  });

  it('a URL with unicode, spaces and an encoded CR LF reaches the server percent-encoded', async () => {
    const key = uniqueKey();
    const { stream, echoes } = open(`/sse-stub/echo?key=${key}&q=café 😀&crlf=%0D%0A&raw=a b`);
    await until(() => echoes.length > 0, 'the echo');
    expect(echoes[0].url).toBe(
      `/sse-stub/echo?key=${key}&q=caf%C3%A9%20%F0%9F%98%80&crlf=%0D%0A&raw=a%20b`,
    );
    stream.close();
  });
});
