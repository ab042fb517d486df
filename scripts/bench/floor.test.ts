import { describe, expect, it } from 'vitest';
import { jsonCpu } from './bench-results-kit.ts';
import { ratiosToDirect } from './compare.ts';
import { cpuUsPerRequest, floorRatio, floorRows } from './floor.ts';
import { contender, jsonPoint } from './results-kit.ts';

describe('cpuUsPerRequest', () => {
  it("divides the proxy's CPU time over the requests it answered", () => expect(cpuUsPerRequest(jsonCpu(jsonPoint(64, 1, 1), 420))).toBeCloseTo(420));
  it('gives nothing for direct (no proxy process) or a sample under 20 ticks of /proc', () => {
    expect(cpuUsPerRequest(jsonPoint(64, 1, 1))).toBeNull();
    expect(cpuUsPerRequest(jsonCpu(jsonPoint(64, 1, 1), 150))).toBeNull();
  });
});

describe('floorRows and floorRatio', () => {
  const contenders = [
    contender('direct', [jsonPoint(1, 10_000, 0.05), jsonPoint(64, 30_000, 2)]),
    contender('nginx', [jsonPoint(64, 20_000, 3)]),
    contender('node-minimal', [jsonCpu(jsonPoint(64, 10_000, 6), 250)]),
    contender('dropin', [jsonPoint(1, 2_000, 0.45), jsonCpu(jsonPoint(64, 4_000, 20), 600)]),
  ];
  const rows = floorRows(contenders, ratiosToDirect(contenders));

  it('has a row per proxy and concurrency, none for direct', () => {
    expect(rows.map((r) => `${r.contender}@${r.concurrency}`)).toEqual(['nginx@64', 'node-minimal@64', 'dropin@1', 'dropin@64']);
  });
  it('gives the latency each proxy adds over direct at p50 and p99', () => {
    const d = rows.find((r) => r.contender === 'dropin' && r.concurrency === 1)!;
    expect(d.addedP50Ms).toBeCloseTo(0.4);
    expect(d.addedP99Ms).toBeCloseTo(1.2);
  });
  it('compares any two proxies at one concurrency', () => {
    expect(floorRatio(rows, 'dropin', 'node-minimal', 64, 'requestsPerSec')).toBeCloseTo(0.4);
    expect(floorRatio(rows, 'dropin', 'node-minimal', 64, 'cpuUsPerRequest')).toBeCloseTo(2.4);
    expect(floorRatio(rows, 'node-minimal', 'nginx', 64, 'requestsPerSec')).toBeCloseTo(0.5);
  });
  it('has no ratio when a figure is missing or the base is not above zero', () => {
    expect(floorRatio(rows, 'dropin', 'node-minimal', 1, 'requestsPerSec')).toBeNull();
    expect(floorRatio(rows, 'dropin', 'nginx', 64, 'cpuUsPerRequest')).toBeNull();
  });
});
