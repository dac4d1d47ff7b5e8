import { connect } from 'node:net';

/** What a raw exchange produced: the status line's code and the body, or that the socket closed unanswered. */
export interface RawAnswer {
  status: number | null;
  body: string;
  headers: string;
}

/**
 * Writes raw bytes to the server and reads until the server closes or `Content-Length` bytes of
 * body arrived, for requests no HTTP client would send.
 */
export function rawRequest(
  base: string,
  bytes: string | Buffer,
  timeoutMs = 3000,
): Promise<RawAnswer> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(bytes));
    let received = Buffer.alloc(0);
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer within ${timeoutMs} ms: ${JSON.stringify(received.toString())}`));
    }, timeoutMs);
    const finish = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(parse(received.toString('latin1')));
    };
    socket.on('data', (chunk) => {
      received = Buffer.concat([received, chunk]);
      const answer = parse(received.toString('latin1'));
      const length = /content-length: *(\d+)/i.exec(answer.headers)?.[1];
      if (length !== undefined && Buffer.byteLength(answer.body, 'latin1') >= Number(length))
        finish();
    });
    socket.on('error', () => undefined);
    socket.on('close', finish);
  });
}

function parse(text: string): RawAnswer {
  const end = text.indexOf('\r\n\r\n');
  if (end < 0) return { status: null, body: '', headers: text };
  const headers = text.slice(0, end);
  const status = /^HTTP\/1\.[01] (\d{3})/.exec(headers)?.[1];
  return { status: status ? Number(status) : null, headers, body: text.slice(end + 4) };
}

/** The `Host` line of a raw request to the loopback server. */
export const HOST = 'Host: 127.0.0.1\r\n';

/** `Content-Type: application/json`, as a raw header line. */
export const JSON_TYPE = 'Content-Type: application/json\r\n';

/**
 * Builders of raw requests; POSTs carry `cookie()` (a raw `Cookie:` line, or '', read when the
 * request is built, since sessions are made in `before`) and their length.
 *
 * @example
 * const { get, post } = rawBuilders(() => cookie);
 * await rawRequest(server.url, post('/api/notifications', JSON_TYPE, '{}'));
 */
export function rawBuilders(cookie: () => string) {
  return {
    get: (path: string, headers = '') => `GET ${path} HTTP/1.1\r\n${HOST}${headers}\r\n`,
    post: (path: string, headers: string, body: string) =>
      `POST ${path} HTTP/1.1\r\n${HOST}${cookie()}${headers}` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  };
}
