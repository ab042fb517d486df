// Loopback servers for the transport tests. Each remembers its sockets so a test can wait until
// the server has seen every connection closed: a transport that leaks a socket never gets there.
import { createServer as createHttpServer, type RequestListener } from 'node:http';
import { createServer as createNetServer, type Server, type Socket } from 'node:net';
import { Agent, type Dispatcher } from 'undici';

export interface TestServer {
  url: string;
  /** connections accepted so far */
  readonly connections: number;
  /** resolves once every connection accepted so far has closed */
  socketsClosed(): Promise<void>;
  close(): Promise<void>;
}

/** A node:http server on 127.0.0.1 with an ephemeral port. */
export function httpServer(handler: RequestListener): Promise<TestServer> {
  return track(createHttpServer(handler));
}

/** A raw TCP server on 127.0.0.1, for responses node:http would not produce. */
export function rawServer(onRequest: (socket: Socket, head: string) => void): Promise<TestServer> {
  return track(
    createNetServer((socket) => {
      let head = '';
      const onData = (chunk: Buffer) => {
        head += chunk.toString('latin1');
        if (!head.includes('\r\n\r\n')) return;
        socket.off('data', onData);
        onRequest(socket, head);
      };
      socket.on('data', onData);
      socket.on('error', () => {});
    }),
  );
}

async function track(server: Server): Promise<TestServer> {
  const closed: Promise<void>[] = [];
  const open = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    open.add(socket);
    closed.push(new Promise((resolve) => socket.once('close', () => resolve())));
    socket.once('close', () => open.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    get connections() {
      return closed.length;
    },
    socketsClosed: async () => {
      await Promise.all(closed);
    },
    close: () => {
      for (const socket of open) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * An Agent that calls `onChunk` each time a body chunk reaches the client. A server that waits
 * for that signal before its next write makes every write arrive as its own chunk, without
 * relying on timing.
 */
export function observedAgent(onChunk: () => void): Dispatcher {
  const base = new Agent();
  return base.compose((dispatch) => (opts, handler) =>
    dispatch(
      opts,
      new Proxy(handler, {
        get(target, prop, receiver) {
          const value = Reflect.get(target, prop, receiver);
          if (typeof value !== 'function') return value;
          if (prop !== 'onResponseData') return value.bind(target);
          return (...args: unknown[]) => {
            const result = value.apply(target, args);
            onChunk();
            return result;
          };
        },
      }),
    ),
  );
}
