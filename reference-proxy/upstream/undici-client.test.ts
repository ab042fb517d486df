// UndiciClient's push delivery (deliver) against a real loopback server that sends a body piece
// by piece on the test's command: chunks in order, a reader that waits, stops or throws, and a
// backend that fails mid-body.
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { AttemptSignal } from './attempt-signal.ts';
import { UndiciClient } from './undici-client.ts';

interface Upstream {
  server: Server;
  client: UndiciClient;
  /** the answer being sent, once the request came */
  answer: Promise<ServerResponse>;
  /** resolves when the proxy side closed the connection before the answer ended */
  cut: Promise<void>;
}

const opened: Upstream[] = [];

afterEach(async () => {
  for (const u of opened.splice(0)) {
    await u.client.close();
    u.server.closeAllConnections();
    await new Promise((resolve) => u.server.close(resolve));
  }
});

async function upstream(): Promise<Upstream> {
  let answer!: (res: ServerResponse) => void;
  let cut!: () => void;
  const u = {
    answer: new Promise<ServerResponse>((resolve) => (answer = resolve)),
    cut: new Promise<void>((resolve) => (cut = resolve)),
  } as Upstream;
  u.server = createServer((req, res) => {
    req.resume();
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    res.flushHeaders();
    res.on('close', () => {
      if (!res.writableFinished) cut();
    });
    answer(res);
  });
  await new Promise<void>((resolve) => u.server.listen(0, '127.0.0.1', resolve));
  u.client = new UndiciClient(`http://127.0.0.1:${(u.server.address() as AddressInfo).port}`, 5_000, null);
  opened.push(u);
  return u;
}

async function streamFrom(u: Upstream) {
  const attempt = new AttemptSignal(60_000);
  const up = await u.client.request({ path: '/v1/chat/completions', headers: {}, body: '{}', cancel: attempt, firstByteMs: 5_000 });
  return { up, res: await u.answer, attempt };
}

/** Writes `text` and resolves once it has left for the socket. */
const send = (res: ServerResponse, text: string) => new Promise<void>((resolve) => res.write(text, () => resolve()));

describe('UndiciClient deliver', () => {
  it('hands every chunk to the reader as it comes, in order, and resolves at the end', async () => {
    const u = await upstream();
    const { up, res } = await streamFrom(u);
    const seen: string[] = [];
    let next!: () => void;
    const delivered = up.body.deliver!((chunk) => {
      seen.push(chunk.toString());
      next?.();
      return true;
    });
    for (const part of ['data: 1\n\n', 'data: 2\n\n', 'data: 3\n\n']) {
      const arrived = new Promise<void>((resolve) => (next = resolve));
      await send(res, part);
      await arrived;
    }
    res.end();
    await delivered;
    expect(seen).toEqual(['data: 1\n\n', 'data: 2\n\n', 'data: 3\n\n']);
  });

  it('gives nothing while the reader waits, then the chunks that came meanwhile in order', async () => {
    const u = await upstream();
    const { up, res } = await streamFrom(u);
    let release!: (more: boolean) => void;
    let first!: () => void;
    const firstArrived = new Promise<void>((resolve) => (first = resolve));
    const seen: string[] = [];
    let waitingFor = 0;
    const delivered = up.body.deliver!((chunk) => {
      seen.push(chunk.toString());
      if (seen.length > 1) expect(waitingFor).toBe(0);
      if (seen.length === 1) {
        first();
        waitingFor++;
        return new Promise<boolean>((resolve) => (release = resolve)).then((more) => {
          waitingFor--;
          return more;
        });
      }
      return true;
    });
    await send(res, 'a');
    await firstArrived;
    await send(res, 'b');
    await send(res, 'c');
    res.end();
    // give the rest and the end time to arrive: however much did, delivery waits for the reader
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(seen).toEqual(['a']);
    release(true);
    await delivered;
    expect(seen.join('')).toBe('abc');
  });

  it('stops when the reader says so (at once or after waiting), closing the upstream connection', async () => {
    for (const stop of [() => false, () => Promise.resolve(false)]) {
      const u = await upstream();
      const { up, res } = await streamFrom(u);
      let calls = 0;
      const delivered = up.body.deliver!(() => {
        calls++;
        return stop();
      });
      await send(res, 'data: 1\n\n');
      await delivered;
      await u.cut;
      expect(calls).toBe(1);
    }
  });

  it('rejects with what the reader threw, closing the upstream connection', async () => {
    const u = await upstream();
    const { up, res } = await streamFrom(u);
    const delivered = up.body.deliver!(() => {
      throw new Error('the reader broke');
    });
    await send(res, 'data: 1\n\n');
    await expect(delivered).rejects.toThrow('the reader broke');
    await u.cut;
  });

  it('rejects when the backend drops the connection mid-body, and when the attempt is stopped', async () => {
    const u = await upstream();
    const dropped = await streamFrom(u);
    const first = dropped.up.body.deliver!(() => true);
    await send(dropped.res, 'data: 1\n\n');
    dropped.res.destroy();
    await expect(first).rejects.toThrow();

    const v = await upstream();
    const stopped = await streamFrom(v);
    const second = stopped.up.body.deliver!(() => true);
    stopped.attempt.clientGone();
    await expect(second).rejects.toThrow();
    await v.cut;
  });
});
