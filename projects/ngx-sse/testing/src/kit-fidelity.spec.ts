import { SseError } from 'ngx-sse';

import { configureKit } from './kit.spec-helper';

describe('ngx-sse/testing: what a real server and browser could do, and nothing else', () => {
  it('fail({ status }) or fail({ contentType }) after open() throws: the 200 was already sent', () => {
    const { client, controller } = configureKit();
    client.stream('/a', { transport: 'fetch' }).on('x').subscribe();
    const connection = controller.expectConnection('/a');
    connection.open();
    expect(() => connection.fail({ status: 503 })).toThrowError(
      /ngx-sse\/testing: fail\(\{ status \}\) after open\(\).*\(on \/a\)/,
    );
    expect(() => connection.fail({ contentType: 'text/html' })).toThrowError(/after open\(\)/);
    connection.fail(); // a drop is what can happen now
    expect(connection.cancelled).toBeTrue();
  });

  it('emit() refuses an empty name, a line break in a name or id, NUL in an id and CR in data', () => {
    const { client, controller } = configureKit();
    client.stream('/a', { transport: 'fetch' }).events().subscribe();
    const connection = controller.expectConnection('/a');
    connection.open();
    expect(() => connection.emit('', 'x')).toThrowError(/empty `event:` is 'message'/);
    expect(() => connection.emit('a\nb', 'x')).toThrowError(/line break ends the `event:` line/);
    expect(() => connection.emit('message', 'x', 'a\nb')).toThrowError(/NUL or a line break/);
    expect(() => connection.emit('message', 'x', 'a\0b')).toThrowError(/NUL or a line break/);
    expect(() => connection.emit('message', 'a\r\nb')).toThrowError(/a CR ends a `data:` line/);
    expect(() => connection.emit('message', 'a\nb')).not.toThrow();
  });

  it('id() sends an id:-only frame: the fetch transport resumes from it, diagnostics show it', () => {
    const { client, controller, scheduler } = configureKit();
    const stream = client.stream('/a', { transport: 'fetch' });
    stream.events().subscribe();
    const connection = controller.expectConnection('/a');
    connection.open();
    connection.id('head-5');
    expect(stream.diagnostics().lastEventId).toBe('head-5');
    connection.fail();
    scheduler.tick(30_000);
    expect(controller.expectConnection('/a').request.lastEventId).toBe('head-5');
  });

  it('on EventSource an HTTP answer or a wrong content type is seen as a browser sees it: refused', () => {
    const { client, controller } = configureKit();
    const stream = client.stream('/a');
    stream.events().subscribe({ error: () => undefined });
    controller.expectConnection('/a').fail({ status: 401 });
    expect(stream.state()).toEqual(
      jasmine.objectContaining({ status: 'reconnecting', reason: 'refused' }),
    );
    expect(stream.diagnostics().lastError?.status).toBeUndefined();
  });

  it("transport: 'fetch' without withFetchTransport() throws as it does in production", () => {
    const { client } = configureKit(false);
    expect(() => client.stream('/a', { transport: 'fetch' })).toThrowMatching(
      (e: unknown) => e instanceof SseError && /withFetchTransport\(\)/.test(e.message),
    );
  });
});
