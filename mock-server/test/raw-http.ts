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
