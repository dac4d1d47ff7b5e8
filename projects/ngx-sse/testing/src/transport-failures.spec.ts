import { configureKit } from './kit.spec-helper';

/** A stream on `transport` with a subscriber, and its one pending attempt. */
function attempt(transport: 'eventsource' | 'fetch') {
  const { client, controller } = configureKit();
  const stream = client.stream('/a', { transport });
  stream.events().subscribe({ error: () => undefined });
  return { stream, connection: controller.expectConnection('/a') };
}

describe('ngx-sse/testing: fail(failure) takes only what the transport can report', () => {
  it('on eventsource: no status, no reason but refused and a browser-retried drop', () => {
    const { stream, connection } = attempt('eventsource');
    const lists =
      /it reports only \{ reason: 'refused' \} and \{ reason: 'network', browserRetrying: true \}/;
    expect(() => connection.fail({ reason: 'http', status: 401 })).toThrowError(
      new RegExp(
        `^ngx-sse/testing: fail\\(\\{"reason":"http","status":401\\}\\) on eventsource: the eventsource transport never reports reason 'http'; ${lists.source} \\(on /a\\)\\.$`,
      ),
    );
    expect(() => connection.fail({ reason: 'refused', status: 503 })).toThrowError(
      /never sets `status` with reason 'refused'/,
    );
    expect(() => connection.fail({ reason: 'too-large' })).toThrowError(lists);
    expect(() => connection.fail({ reason: 'unauthorized' })).toThrowError(lists);
    expect(() => connection.fail({ reason: 'network' })).toThrowError(
      /only as it reconnects by itself \(`browserRetrying: true`, which dropAndBrowserRetry\(\) sends\)/,
    );
    // Refused misuse reaches nothing: the attempt is as it was.
    expect(stream.state().status).toBe('connecting');
    connection.fail({ reason: 'refused' });
    expect(stream.state()).toEqual(
      jasmine.objectContaining({ status: 'reconnecting', reason: 'refused', delayMs: 1000 }),
    );
  });

  it('on fetch: every reason the fetch backend reports, with the fields it sets', () => {
    const { connection } = attempt('fetch');
    const lists = /it reports only \{ reason: 'network', detail\? \}, \{ reason: 'ended' \}/;
    expect(() => connection.fail({ reason: 'network', browserRetrying: true })).toThrowError(
      /never sets `browserRetrying` with reason 'network'/,
    );
    expect(() => connection.fail({ reason: 'refused' })).toThrowError(
      /never reports reason 'refused'/,
    );
    expect(() => connection.fail({ reason: 'unauthorized', status: 401 })).toThrowError(lists);
    expect(() => connection.fail({ reason: 'http' })).toThrowError(/carries its status, never 200/);
    expect(() => connection.fail({ reason: 'http', status: 200 })).toThrowError(/never 200/);
    expect(() => connection.fail({ reason: 'http', status: 1000 })).toThrowError(
      /1000 is not a final HTTP status/,
    );
    expect(() => connection.fail({ reason: 'bad-content-type', status: 503 })).toThrowError(
      /a wrong content type comes with a 200/,
    );
    expect(() => connection.fail({ reason: 'ended', detail: 'eof' })).toThrowError(
      /never sets `detail` with reason 'ended'/,
    );
  });

  it('on fetch: an HTTP status as the fetch backend reports it reaches the policy', () => {
    const { stream, connection } = attempt('fetch');
    connection.fail({ reason: 'http', status: 401 });
    expect(stream.state()).toEqual(
      jasmine.objectContaining({ status: 'closed', reason: 'unauthorized' }),
    );
    expect(stream.diagnostics().lastError?.status).toBe(401);
  });

  it('dropAndBrowserRetry() is refused on fetch: only an EventSource reconnects by itself', () => {
    const { stream, connection } = attempt('fetch');
    connection.open();
    expect(() => connection.dropAndBrowserRetry()).toThrowError(
      /^ngx-sse\/testing: dropAndBrowserRetry\(\) on fetch: only an EventSource reconnects by itself; fail\(\) is a drop/,
    );
    expect(stream.state().status).toBe('open');
  });
});

describe('ngx-sse/testing: fail(failure) comes when the transport would report it', () => {
  it('answers to the request (http, bad-content-type) only before open()', () => {
    const fetch = attempt('fetch').connection;
    fetch.open();
    expect(() => fetch.fail({ reason: 'http', status: 503 })).toThrowError(
      /'http' answers a request, so it comes before open\(\): an accepted stream that fails is a drop, fail\(\)/,
    );
    expect(() => fetch.fail({ reason: 'bad-content-type', status: 200 })).toThrowError(
      /comes before open\(\)/,
    );
  });

  it('on eventsource, refused only before open(), as a real EventSource first retries a drop', () => {
    const { connection } = attempt('eventsource');
    connection.open();
    expect(() => connection.fail({ reason: 'refused' })).toThrowError(/comes before open\(\)/);
    // Its own retry is before an open again, and may be refused.
    connection.dropAndBrowserRetry();
    expect(() => connection.fail({ reason: 'refused' })).not.toThrow();
  });

  it('the end of a body and an oversized event only on an accepted stream', () => {
    const { stream, connection } = attempt('fetch');
    expect(() => connection.fail({ reason: 'ended' })).toThrowError(
      /'ended' comes only on an accepted stream: call open\(\) first/,
    );
    expect(() => connection.fail({ reason: 'too-large' })).toThrowError(/call open\(\) first/);
    expect(stream.state().status).toBe('connecting');
    connection.open();
    connection.fail({ reason: 'too-large' });
    expect(stream.state()).toEqual(
      jasmine.objectContaining({ status: 'closed', reason: 'too-large' }),
    );
  });
});
