import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Contender } from './contenders/contender.ts';
import { resolveOptions } from './options.ts';
import { runContender } from './run-contender.ts';

// a proxy that cannot reach its backend: every request is answered with the envelope and a 502
const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(502, { 'content-type': 'application/json' });
    res.end('{"error":{"message":"No backend could answer.","type":"server_error","param":null,"code":"upstream_unavailable"}}');
  });
});
let requests = 0;
server.on('request', () => requests++);
let contender: Contender;
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  contender = { name: 'dropin-bun', baseUrl: `http://127.0.0.1:${port}/v1`, headers: {}, pid: null, version: 'test', diagnose: () => 'the stub', stop: async () => 'stopped' };
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('runContender', () => {
  it('reports a contender whose first request fails, with the reason, and measures nothing', async () => {
    const lines: string[] = [];
    const r = await runContender(contender, resolveOptions({ quick: true }), (line) => lines.push(line));
    expect(r.error).toBe('fails: the first request got HTTP 502 upstream_unavailable ("No backend could answer."); the stub');
    expect(r.json).toEqual([]);
    expect(r.stream).toEqual([]);
    expect(requests).toBe(1);
    expect(lines).toEqual([`[dropin-bun] not measured: ${r.error}`]);
  });
});
