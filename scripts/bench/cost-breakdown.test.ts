import { describe, expect, it } from 'vitest';
import { categoryOf, costBreakdown } from './cost-breakdown.ts';
import type { CpuProfile } from './cpu-profile-summary.ts';

const frame = (functionName: string, url = '') => ({ functionName, url, lineNumber: 0 });
const repo = (path: string) => `file:///repo/${path}`;

// root -> dispatch (server.ts) -> readJsonBody (read-body.ts)
//                              -> finish (server.ts) -> formatLogLine (request-log.ts)
//                                                    -> observe (prom-client histogram) -> (anonymous) (prom-client util)
//      -> end (node:_http_outgoing) -> writeUtf8String
//      -> (garbage collector), (idle)
const profile: CpuProfile = {
  nodes: [
    { id: 1, callFrame: frame('(root)'), children: [2, 6, 8, 9, 12] },
    { id: 2, callFrame: frame('dispatch', repo('reference-proxy/server.ts')), children: [3, 4] },
    { id: 3, callFrame: frame('readJsonBody', repo('reference-proxy/handlers/read-body.ts')) },
    { id: 4, callFrame: frame('finish', repo('reference-proxy/server.ts')), children: [5, 10] },
    { id: 5, callFrame: frame('formatLogLine', repo('reference-proxy/observe/request-log.ts')) },
    { id: 6, callFrame: frame('end', 'node:_http_outgoing'), children: [7] },
    { id: 7, callFrame: frame('writeUtf8String') },
    { id: 8, callFrame: frame('(garbage collector)') },
    { id: 9, callFrame: frame('(idle)') },
    { id: 10, callFrame: frame('observe', repo('node_modules/prom-client/lib/histogram.js')), children: [11] },
    { id: 11, callFrame: frame('(anonymous)', repo('node_modules/prom-client/lib/util.js')) },
    { id: 12, callFrame: frame('(anonymous)', repo('scripts/bench/contenders/cpu-prof-window.mjs')), children: [13] },
    { id: 13, callFrame: frame('post', 'node:inspector') },
  ],
  // µs per sample below; 10 requests were served
  samples: [2, 3, 5, 7, 7, 8, 9, 10, 11, 6, 13],
  timeDeltas: [100, 200, 300, 400, 400, 100, 5000, 50, 50, 100, 9000],
};

describe('costBreakdown', () => {
  const b = costBreakdown(profile, 10, '/repo');
  const cat = (name: string) => b.categories.find((c) => c.name === name)?.usPerRequest;
  const cand = (name: string) => b.candidates.find((c) => c.name === name)?.usPerRequest;

  it("leaves idle time and the profiler's own stop out, and divides the busy time over the requests", () => {
    expect(b.busyMs).toBeCloseTo(1.7);
    expect(b.busyUsPerRequest).toBeCloseTo(170);
  });
  it("puts each sample's self time in one category: the proxy's files one by one, packages, Node, GC, native", () => {
    expect(cat('reference-proxy/server.ts')).toBeCloseTo(10);
    expect(cat('reference-proxy/handlers/read-body.ts')).toBeCloseTo(20);
    expect(cat('reference-proxy/observe/request-log.ts')).toBeCloseTo(30);
    expect(cat('native: socket and pipe writes')).toBeCloseTo(80);
    expect(cat('node:http')).toBeCloseTo(10);
    expect(cat('prom-client')).toBeCloseTo(10);
    expect(cat('GC')).toBeCloseTo(10);
    expect(b.categories.reduce((s, c) => s + c.share, 0)).toBeCloseTo(1);
  });
  it("measures the issue's candidates, inclusive ones over the whole stack", () => {
    expect(cand('request JSON parse')).toBeCloseTo(20);
    expect(cand('the log line')).toBeCloseTo(30);
    // the histogram's own frame and the helper it calls
    expect(cand('histogram observe')).toBeCloseTo(10);
    expect(cand('per-request allocations (GC)')).toBeCloseTo(10);
    expect(cand('socket writes')).toBeCloseTo(80);
    expect(cand('promise chains')).toBe(0);
  });
  it("spreads /proc's CPU time per request by the profile's shares when it is given", () => {
    const cpu = costBreakdown(profile, 10, '/repo', 85);
    expect(cpu.basis).toBe('cpu');
    expect(b.basis).toBe('wall');
    // the socket writes are 80 of 170 µs sampled: 47% of 85 µs of CPU
    expect(cpu.categories.find((c) => c.name === 'native: socket and pipe writes')?.usPerRequest).toBeCloseTo(40);
    expect(cpu.busyUsPerRequest).toBeCloseTo(170);
  });
  it('ranks the candidates by cost', () => expect(b.candidates.slice(0, 2).map((c) => c.name)).toEqual(['socket writes', 'the log line']));
  it('sums the files beyond the top few', () => {
    const top1 = costBreakdown(profile, 10, '/repo', null, 1);
    // request-log.ts (30) stays; read-body.ts (20) and server.ts (10) are summed
    expect(top1.categories.find((c) => c.name === 'other files of this repository')?.usPerRequest).toBeCloseTo(30);
  });
});

describe('categoryOf', () => {
  it("tells Node's HTTP, streams and net apart, and names undici's wasm parser", () => {
    expect(categoryOf(frame('x', 'node:_http_server'), '/r')).toBe('node:http');
    expect(categoryOf(frame('x', 'node:internal/streams/writable'), '/r')).toBe('node: streams');
    expect(categoryOf(frame('x', 'node:internal/stream_base_commons'), '/r')).toBe('node: net');
    expect(categoryOf(frame('x', 'node:events'), '/r')).toBe('node: other internals');
    expect(categoryOf(frame('wasm-function[20]', 'wasm://wasm/00034eea'), '/r')).toBe("undici's llhttp (wasm)");
    expect(categoryOf(frame('Request', 'file:///r/node_modules/undici/lib/core/request.js'), '/r')).toBe('undici');
  });
});
