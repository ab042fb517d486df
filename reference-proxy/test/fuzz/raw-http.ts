// A bare TCP client for requests no HTTP library would send: broken framing, odd headers, and
// clients that trickle their bytes. It reads until the server closes the connection.
import { connect } from 'node:net';

export interface RawAnswer {
  /** everything the server sent */
  raw: string;
  /** status of the first response, 0 when the server closed without answering */
  status: number;
  /** the first response's body (content-length framed), '' when there is none */
  body: string;
  /** how many of the writes were sent before the server closed */
  written: number;
}

export interface RawOptions {
  /** pause between writes; the writes stop once the server closes */
  gapMs?: number;
  /** end the client's side after the last write (the server sees EOF, as from a client done sending) */
  halfClose?: boolean;
}

export function rawExchange(port: number, writes: Array<string | Buffer>, opts: RawOptions = {}): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const received: Buffer[] = [];
    let written = 0;
    let timer: NodeJS.Timeout | undefined;
    const writeNext = () => {
      if (socket.destroyed || written >= writes.length) return;
      socket.write(writes[written++]);
      if (written === writes.length && opts.halfClose) socket.end();
      timer = setTimeout(writeNext, opts.gapMs ?? 0);
    };
    socket.on('data', (data) => received.push(data));
    // a reset after the answer (the server closing while bytes are still in flight) is not a failure here
    socket.on('error', () => {});
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ ...parseFirstResponse(Buffer.concat(received).toString('latin1')), written });
    });
    socket.once('connect', writeNext);
  });
}

/** Status and body of the first HTTP response in `raw`. */
export function parseFirstResponse(raw: string): { raw: string; status: number; body: string } {
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(raw)?.[1] ?? 0);
  const headEnd = raw.indexOf('\r\n\r\n');
  if (status === 0 || headEnd < 0) return { raw, status, body: '' };
  const length = Number(/\r\ncontent-length: *(\d+)/i.exec(raw.slice(0, headEnd))?.[1] ?? 0);
  return { raw, status, body: raw.slice(headEnd + 4, headEnd + 4 + length) };
}
