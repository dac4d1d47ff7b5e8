import {
  DestroyRef,
  EnvironmentInjector,
  Injector,
  createEnvironmentInjector,
  runInInjectionContext,
} from '@angular/core';
import { TestBed } from '@angular/core/testing';
import {
  SseClient,
  SseError,
  type SseBatching,
  type SseStreamOptions,
  provideSse,
  withBatching,
  withDiagnosticsLog,
  withHeartbeatTimeout,
  withLastEventIdParam,
  withLinger,
  withMaxEventSize,
  withReconnect,
} from 'ngx-sse';
import { SseTestingController } from 'ngx-sse/testing';

import { type TestEvents, setup } from './testing.spec-helper';

/** The SseError `act` throws, or fails the spec. */
function thrown(act: () => unknown): SseError {
  try {
    act();
  } catch (error) {
    expect(error).toBeInstanceOf(SseError);
    return error as SseError;
  }
  throw new Error('expected an SseError');
}

describe('provideSse configuration', () => {
  it('composes two withReconnect() field by field', () => {
    const { client, controller, scheduler } = setup([
      withReconnect({ initialDelayMs: 100 }),
      withReconnect({ maxAttempts: 2 }),
    ]);
    expect(client.config.reconnect).toEqual(
      jasmine.objectContaining({ initialDelayMs: 100, maxAttempts: 2, maxDelayMs: 30_000 }),
    );
    const stream = client.stream<TestEvents>('/e', { transport: 'fetch' });
    stream.on('notification').subscribe({ error: () => undefined });
    const delays: unknown[] = [];
    for (let i = 0; i < 3; i++) {
      controller.expectConnection('/e').fail();
      const state = stream.state();
      delays.push(
        state.status === 'reconnecting' ? state.delayMs : state.status === 'closed' && state.reason,
      );
      scheduler.tick(1000);
    }
    expect(delays).toEqual([100, 200, 'max-attempts']);
  });

  it('composes withReconnect() of separate provideSse() calls field by field too', () => {
    const { client } = setup(
      [withReconnect({ initialDelayMs: 100 })],
      [provideSse(withReconnect({ maxAttempts: 2 }))],
    );
    expect(client.config.reconnect).toEqual(
      jasmine.objectContaining({ initialDelayMs: 100, maxAttempts: 2 }),
    );
  });

  it('throws a dev-mode error naming both conflicting features', () => {
    expect(() => provideSse(withBatching('sync'), withBatching('microtask'))).toThrowError(
      'ngx-sse: provideSse() got conflicting features withBatching("sync") and withBatching("microtask"); keep one.',
    );
    expect(() =>
      provideSse(withReconnect({ initialDelayMs: 1 }), withReconnect({ initialDelayMs: 2 })),
    ).toThrowError(
      /withReconnect\({"initialDelayMs":1}\) and withReconnect\({"initialDelayMs":2}\)/,
    );
  });

  it('accepts the same feature twice when it says the same', () => {
    expect(() => provideSse(withLinger(500), withLinger(500))).not.toThrow();
    expect(() =>
      provideSse(
        withReconnect({ initialDelayMs: 1 }),
        withReconnect({ initialDelayMs: 1, maxAttempts: 3 }),
      ),
    ).not.toThrow();
  });

  it("configures a lazy route's streams in its environment injector over the parent's config", () => {
    const { client: parent, controller } = setup([
      withReconnect({ initialDelayMs: 100, maxDelayMs: 5000 }),
    ]);
    const route = createEnvironmentInjector(
      [provideSse(withReconnect({ initialDelayMs: 700 }))],
      TestBed.inject(EnvironmentInjector),
    );
    const child = route.get(SseClient);
    expect(child).not.toBe(parent);
    expect(child.config.reconnect).toEqual(
      jasmine.objectContaining({ initialDelayMs: 700, maxDelayMs: 5000 }),
    );
    const routed = child.stream<TestEvents>('/routed', { injector: route, transport: 'fetch' });
    const root = parent.stream<TestEvents>('/root', { transport: 'fetch' });
    routed.on('notification').subscribe();
    root.on('notification').subscribe();
    // The testing kit's transport and sync batching come from the parent.
    controller.expectConnection('/routed').fail();
    controller.expectConnection('/root').fail();
    expect(routed.state()).toEqual(jasmine.objectContaining({ delayMs: 700 }));
    expect(root.state()).toEqual(jasmine.objectContaining({ delayMs: 100 }));
    route.destroy();
    expect(routed.state().status).toBe('closed');
    root.close();
  });

  it('sets the largest event in provideSse (16 MiB by default), a stream option overriding it', () => {
    const { client: plain } = setup();
    expect(plain.config.maxEventSize).toBe(16 * 1024 * 1024);
    TestBed.resetTestingModule();
    const { client, controller } = setup([withMaxEventSize(64 * 1024 * 1024)]);
    client.stream('/a').on('x').subscribe();
    client.stream('/b', { maxEventSize: 1024 }).on('x').subscribe();
    expect(controller.expectConnection('/a').request.maxEventSize).toBe(64 * 1024 * 1024);
    expect(controller.expectConnection('/b').request.maxEventSize).toBe(1024);
  });

  it('a route without provideSse uses the parent client', () => {
    const { client } = setup();
    const route = createEnvironmentInjector([], TestBed.inject(EnvironmentInjector));
    expect(route.get(SseClient)).toBe(client);
  });

  describe('release scope', () => {
    let warn: jasmine.Spy;
    beforeEach(() => (warn = spyOn(console, 'warn')));

    it('warns in dev mode when a stream is created outside an injection context with nothing to release it', () => {
      const { client } = setup();
      client.stream('/e');
      expect(warn).toHaveBeenCalledOnceWith(
        jasmine.stringContaining(
          "ngx-sse: stream('/e') was created outside an injection context without `injector` or `destroyRef`",
        ),
      );
    });

    it('does not warn with injector, destroyRef or in an injection context', () => {
      const { client } = setup();
      const injector = TestBed.inject(Injector);
      client.stream('/a', { injector });
      client.stream('/b', { destroyRef: injector.get(DestroyRef) });
      runInInjectionContext(injector, () => client.stream('/c'));
      expect(warn).not.toHaveBeenCalled();
    });
  });
});

describe('SseClient request validation', () => {
  it('throws invalid-request at stream() for a fetch-only option on EventSource given through a cast', () => {
    const { client } = setup();
    const untyped = { method: 'POST', body: 'x' } as unknown as SseStreamOptions;
    const error = thrown(() => client.stream('/e', untyped));
    expect(error.reason).toBe('invalid-request');
    expect(error.url).toBe('/e');
    expect(error.message).toContain("method needs transport: 'fetch'");
    const comments = { comments: true } as unknown as SseStreamOptions;
    expect(thrown(() => client.stream('/e', comments)).reason).toBe('invalid-request');
  });

  it('throws invalid-request for an unknown transport, method or deserializer given through a cast', () => {
    const { client } = setup();
    const cases: [unknown, string][] = [
      [{ transport: 'websocket' }, "unknown transport 'websocket'"],
      [{ transport: 'fetch', method: 'get' }, "unsupported method 'get'"],
      [{ deserialize: 'xml' }, "unknown deserialize 'xml'"],
      [{ deserialize: 'toString' }, "unknown deserialize 'toString'"],
    ];
    for (const [options, detail] of cases) {
      const error = thrown(() => client.stream('/e', options as SseStreamOptions));
      expect([error.reason, error.message])
        .withContext(detail)
        .toEqual(['invalid-request', jasmine.stringContaining(detail)]);
    }
  });

  it('throws invalid-request for a GET with a body', () => {
    const { client } = setup();
    const error = thrown(() => client.stream('/e', { transport: 'fetch', body: 'x' }));
    expect([error.reason, error.message]).toEqual([
      'invalid-request',
      jasmine.stringContaining('a GET stream cannot have a body'),
    ]);
  });

  it("throws invalid-request for transport: 'fetch' without withFetchTransport()", () => {
    const client = TestBed.inject(SseClient);
    const error = thrown(() => client.stream('/e', { transport: 'fetch' }));
    expect(error.reason).toBe('invalid-request');
    expect(error.message).toContain('withFetchTransport()');
  });
});

describe('numbers that would become a silent default or a timer loop', () => {
  it('stream() refuses them with invalid-request, naming the option and the value', () => {
    const { client } = setup();
    const cases: [SseStreamOptions, string][] = [
      [{ transport: 'fetch', maxEventSize: 0 }, 'maxEventSize needs a finite number ≥ 1, got 0'],
      [{ heartbeatTimeoutMs: NaN }, 'heartbeatTimeoutMs needs a finite number ≥ 0, got NaN'],
      [{ heartbeatTimeoutMs: -1 }, 'heartbeatTimeoutMs needs a finite number ≥ 0, got -1'],
      [{ lingerMs: Infinity }, 'lingerMs needs a finite number ≥ 0, got Infinity'],
      [{ lastEventId: 41 as unknown as string }, 'lastEventId must be a string'],
    ];
    const url = thrown(() => client.stream('http://[', { transport: 'fetch' }));
    expect([url.reason, url.detail]).toEqual(['invalid-request', "not a valid URL: 'http://['"]);
    // WPT eventsource-constructor-non-same-origin: schemes no stream can be read from.
    for (const bad of ['ftp://example.not/', 'about:blank', 'mailto:a@b.example', 'javascript:x']) {
      for (const transport of ['fetch', 'eventsource'] as const) {
        const scheme = thrown(() => client.stream(bad, { transport }));
        expect([scheme.reason, scheme.detail])
          .withContext(`${transport} ${bad}`)
          .toEqual([
            'invalid-request',
            `unsupported URL scheme '${bad.split(':')[0]}:' in '${bad}'`,
          ]);
      }
    }
    for (const good of ['https://example.test/e', 'data:text/event-stream,data:%201%0A%0A']) {
      expect(() => client.stream(good, { transport: 'fetch' }).close()).not.toThrow();
    }
    const header = thrown(() =>
      client.stream('/e', { transport: 'fetch', headers: { 'X-Bad': 'a\nb' } }),
    );
    expect(header.reason).toBe('invalid-request');
    expect(header.detail).toMatch(/^headers: TypeError/);
    expect(() => withLastEventIdParam('')).toThrowError(TypeError, /non-empty name/);
    expect(() => withBatching('bogus' as SseBatching)).toThrowError(TypeError, /needs one of/);
    for (const [options, detail] of cases) {
      const error = thrown(() => client.stream('/e', options));
      expect([error.reason, error.detail]).withContext(detail).toEqual(['invalid-request', detail]);
    }
    controllerIsQuiet();
  });

  it('features refuse them when called, naming the feature', () => {
    const cases: [() => unknown, string][] = [
      [() => withLinger(-5), 'ngx-sse: withLinger(ms) needs a finite number ≥ 0, got -5'],
      [
        () => withHeartbeatTimeout(NaN),
        'withHeartbeatTimeout(ms) needs a finite number ≥ 0, got NaN',
      ],
      [() => withDiagnosticsLog(-1), 'withDiagnosticsLog(size) needs a finite number ≥ 0, got -1'],
      [() => withMaxEventSize(0), 'withMaxEventSize(size) needs a finite number ≥ 1, got 0'],
      [
        () => withReconnect({ multiplier: 0.5 }),
        'withReconnect({ multiplier }) needs a finite number ≥ 1',
      ],
      [
        () => withReconnect({ maxDelayMs: NaN }),
        'withReconnect({ maxDelayMs }) needs a finite number ≥ 0',
      ],
    ];
    for (const [call, message] of cases) {
      expect(call)
        .withContext(message)
        .toThrowError(RangeError, new RegExp(escape(message)));
    }
    expect(() => withReconnect({ maxAttempts: Infinity, initialDelayMs: 0 })).not.toThrow();
    expect(() => withDiagnosticsLog(0)).not.toThrow();
  });

  function escape(text: string): string {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }

  function controllerIsQuiet(): void {
    TestBed.inject(SseTestingController).verify();
  }
});

describe('withDiagnosticsLog', () => {
  it('0 keeps no transitions; a size keeps the last ones', () => {
    for (const [size, expected] of [
      [0, []],
      [1, ['open']],
    ] as const) {
      TestBed.resetTestingModule();
      const { client, controller } = setup([withDiagnosticsLog(size)]);
      const stream = client.stream('/log');
      stream.on('x').subscribe();
      controller.expectConnection('/log').open();
      expect(stream.diagnostics().log.map((entry) => entry.state.status))
        .withContext(`size ${size}`)
        .toEqual([...expected]);
    }
  });
});
