import { describe, expect, it } from 'vitest';
import { sampleResults } from './bench-results-kit.ts';
import { grid, renderTables } from './table.ts';

describe('grid', () => {
  it('pads names left and figures right, and lets short rows run on', () => {
    expect(grid([['name', 'n'], ['nginx', '12345'], ['x', '1'], ['note row']]).split('\n')).toEqual(['name       n', 'nginx  12345', 'x          1', 'note row']);
  });
});

describe('renderTables', () => {
  const text = renderTables(sampleResults());
  it('shows each figure with its ratio to direct', () => {
    expect(text).toMatch(/^nginx\s+64\s+20000\s+0\.67x\s+3\.000\s+1\.50x/m);
    expect(text).toMatch(/^dropin\s+1\s+10\/10\s+2\.000\s+2\.00x\s+\+1\.000/m);
  });
  it('says why a contender has no stream rows', () => expect(text).toContain('portkey  -  skipped: one streaming request got HTTP 500 without a complete stream'));
  it('compares the CPU per streamed chunk of the raw and the generic path', () => {
    // c=1: 0.24 s vs 0.3 s of CPU over 500 timed + 50 untimed events
    expect(text).toContain('Proxy CPU per streamed chunk: raw pass-through (dropin) vs generic profile (dropin-generic)');
    expect(text).toMatch(/^1\s+436\.4\s+545\.5\s+\+109\.091$/m);
    expect(text).toMatch(/^in process\s+1\.50\s+4\.50\s+\+3\.000$/m);
  });
  it('shows what /v1/responses adds per chunk: the translation beside the chat path, and the pass-through', () => {
    expect(text).toContain('/v1/responses per streamed chunk, in process (51 chat chunks -> 56 Responses events)');
    expect(text).toMatch(/^Responses translated onto chat\s+4\.40\s+\+1\.600$/m);
    expect(text).toMatch(/^Responses passed through, the proxy's ids put in\s+2\.50$/m);
  });
  it('opens with the load average of the shared machine', () => expect(text.split('\n')[0]).toBe('Load average (1, 5, 15 min) on 2 cores: 2.5, 3, 3.5 before the run, 3, 3, 3.4 after'));
  it('sets every proxy beside node-minimal and nginx: throughput, CPU per request, added latency', () => {
    expect(text).toContain('Against the runtime floor and nginx');
    // dropin at c=64: 3000 req/s = 0.30x node-minimal, 0.15x nginx; 600 µs = 2.40x; p50 20 - 2 ms, p99 60 - 6 ms
    expect(text).toMatch(/^dropin\s+64\s+3000\s+0\.30x\s+0\.15x\s+600\s+2\.40x\s+18\.000\s+54\.000$/m);
    expect(text).toMatch(/^node-minimal\s+64\s+10000\s+0\.50x\s+250\s+4\.000\s+12\.000$/m);
  });
  it('gives RSS per held stream and the abort burst of each hold', () => {
    expect(text).toMatch(/^node-minimal\s+1000\/1000\s+50\.0\s+150\.0\s+102\s+20\s+1000 of 1000 within 1 s \(p50 120 ms, max 480 ms\)$/m);
    expect(text).toMatch(/^dropin\s+1000\/1000\s+100\.0\s+270\.0\s+174\s+40\s+67 of 1000 within 1 s \(p50 1600 ms, max 2300 ms, 10 not seen in 3\.0 s\)$/m);
  });
  it('breaks the profile down for dropin beside node-minimal, with the difference', () => {
    expect(text).toContain('CPU profile at c=64, 5 s each: node-minimal 200 µs of CPU per request (/proc; 240 µs sampled on the wall clock) over 25000 requests at 5000 req/s');
    expect(text).toMatch(/^undici\s+40\.0\s+80\.0\s+40\.0$/m);
    expect(text).toMatch(/^reference-proxy\/server\.ts\s+0\.0\s+20\.0\s+20\.0$/m);
    expect(text).toMatch(/^the log line\s+0\.0\s+20\.0\s+20\.0$/m);
  });
  it('ends with the goals, met or not, and the findings', () => {
    expect(text).toMatch(/NOT MET\s+throughput at c=64 >= 0\.8x node-minimal's \(log and metrics on\): dropin 3000 req\/s = 0\.30x node-minimal's 10000/);
    expect(text).toContain("NOT MET  dropin on Bun: throughput at c=64 >= 0.6x nginx's (1 worker): dropin-bun fails: the first request got HTTP 502");
    expect(text).toContain('  - Portkey <gateway> & co cannot stream');
  });
});
