// The suite against endpoints that misbehave on purpose: whatever the server does, the run
// completes within its timeouts with fail or error verdicts, and memory stays bounded.
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import { RECORDED_BODY_LIMIT } from '../run/run-target.ts';
import { runSuite } from '../run/run-suite.ts';
import type { RunResult } from '../types.ts';

const gc: () => void = (() => {
  v8.setFlagsFromString('--expose_gc');
  return runInNewContext('gc');
})();

/** Heap and buffers still reachable after a full collection. */
function retainedBytes(): number {
  gc();
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

type Behaviour = (res: ServerResponse, path: string) => void;

const BEHAVIOURS: Record<string, Behaviour> = {
  'endless stream': (res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    const timer = setInterval(() => res.write('data: {"id":"x","object":"chat.completion.chunk","created":1,"model":"m","choices":[]}\n\n'), 1);
    res.on('close', () => clearInterval(timer));
  },
  'gigantic body': (res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    const block = Buffer.alloc(1 << 20, 0x61);
    let sent = 0;
    const pump = () => {
      while (sent < 512 && res.write(block)) sent += 1;
      if (sent < 512) res.once('drain', pump);
      else res.end();
    };
    res.on('close', () => (sent = 512));
    pump();
  },
  'connection that never closes': (res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write('{"id":');
  },
  'no headers ever': () => {},
  'invalid UTF-8': (res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x7d]));
  },
  'redirect loop': (res, path) => {
    res.writeHead(302, { location: path });
    res.end();
  },
  'HTML instead of JSON': (res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<!doctype html><html><body><h1>Welcome to nginx!</h1></body></html>');
  },
};

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((r) => server?.close(r));
  server = undefined;
});

async function serve(behaviour: Behaviour): Promise<string> {
  server = createServer((req, res) => {
    req.resume();
    behaviour(res, req.url ?? '/');
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
}

// Endless and hanging answers are cut by the timeout, so many requests run at once to keep the
// test short; big bodies are held whole until judged, so those run at the default concurrency.
async function runAgainst(baseUrl: string, concurrency: number): Promise<RunResult> {
  return runSuite([{ name: 'hostile', kind: 'url', baseUrl, model: 'm' }], {
    concurrency, timeoutMs: 1500,
  });
}

describe('the suite against hostile endpoints', () => {
  it.each(Object.keys(BEHAVIOURS))('%s: completes with fail/error verdicts', async (name) => {
    const url = await serve(BEHAVIOURS[name]);
    const before = retainedBytes();
    const run = await runAgainst(url, name === 'gigantic body' ? 4 : 32);
    const target = run.targets[0];
    // an endpoint that never answers in time is given up on after a few timeouts, naming the flag
    if (target.error !== undefined) expect(target.error).toMatch(/requests in a row got no answer within the 1500 ms timeout.*raise --timeout/);
    expect(run.exitCode).not.toBe(0);
    const statuses = new Set(target.checks.map((c) => c.status));
    expect(statuses.has('fail') || statuses.has('error')).toBe(true);
    for (const e of target.exchanges) expect(e.bodyText.length).toBeLessThanOrEqual(RECORDED_BODY_LIMIT + 200);
    // what the run keeps once it is over: cut records, not the hostile bodies (each capped at 8 MiB while judged)
    expect(retainedBytes() - before).toBeLessThan(64 * 1024 * 1024);
  });
});
