// Raw HTTP/1.1 over a loopback socket, for requests fetch refuses to send (absolute-form targets,
// a forged Host, unnormalised paths), and a canary that counts every connection made to it.
import { connect, createServer, type AddressInfo } from 'node:net';

/** Sends `head` (request line and headers, without the blank line) and `body`; resolves with everything the server sent. */
export function rawRequest(port: number, head: string, body = ''): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
    const length = body ? `Content-Length: ${Buffer.byteLength(body)}\r\n` : '';
    // write, not end: Node's server treats a half-closed request as a client that left
    socket.write(`${head}\r\nConnection: close\r\n${length}\r\n${body}`);
  });
}

export interface Canary {
  port: number;
  connections(): number;
  close(): Promise<void>;
}

export async function startCanary(): Promise<Canary> {
  let connections = 0;
  const server = createServer((socket) => {
    connections++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    connections: () => connections,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
