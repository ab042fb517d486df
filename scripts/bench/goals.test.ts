import { describe, expect, it } from 'vitest';
import { jsonCpu, SAMPLE_HOLDS } from './bench-results-kit.ts';
import { ratiosToDirect } from './compare.ts';
import { floorRows } from './floor.ts';
import { judgeGoals } from './goals.ts';
import type { HoldResult } from './hold-streams.ts';
import { contender, jsonPoint, streamPoint } from './results-kit.ts';
import type { ContenderResult } from './results.ts';

const [floorHold, dropinHold] = SAMPLE_HOLDS;
const fastAborts = floorHold.aborts!;

function judge(contenders: ContenderResult[], holds: HoldResult[] = []) {
  const ratios = ratiosToDirect(contenders);
  return Object.fromEntries(judgeGoals({ contenders, ratios, floor: floorRows(contenders, ratios), holds }).map((g) => [g.id, g]));
}

const direct = contender('direct', [jsonPoint(1, 10_000, 0.05), jsonPoint(64, 30_000, 2)], [streamPoint(1, 1, 0.2, 0)]);
const nginx = contender('nginx', [jsonPoint(1, 8_000, 0.1), jsonPoint(64, 20_000, 3)], [streamPoint(1, 1.2, 0.3, 0)]);
const nodeMinimal = contender('node-minimal', [jsonCpu(jsonPoint(64, 10_000, 6), 250)]);

describe('judgeGoals', () => {
  it("passes a proxy at its runtime's floor, with a Bun build in nginx's class", () => {
    const dropin = contender('dropin', [jsonPoint(1, 6_000, 0.12), jsonCpu(jsonPoint(64, 8_500, 7), 300)], [streamPoint(1, 2.0, 0.35, 2)]);
    const bun = contender('dropin-bun', [jsonPoint(64, 13_000, 4)]);
    const goals = judge([direct, nginx, nodeMinimal, dropin, bun], [floorHold, { ...dropinHold, rssPerStreamKb: 110, aborts: fastAborts }]);
    expect(Object.values(goals).map((g) => g.status)).toEqual(['pass', 'pass', 'pass', 'pass', 'pass', 'pass', 'pass']);
    expect(goals['throughput-c64-vs-node-minimal'].measured).toBe("dropin 8500 req/s = 0.85x node-minimal's 10000");
    expect(goals['cpu-per-request-c64-vs-node-minimal'].measured).toBe("dropin 300 µs/request = 1.20x node-minimal's 250 µs");
    expect(goals['dropin-bun-throughput-c64-vs-nginx'].measured).toBe("dropin-bun 13000 req/s = 0.65x nginx's 20000");
    expect(goals['aborts-within-1s'].measured).toBe('dropin: 1000 of 1000 within 1 s (p50 120 ms, max 480 ms); node-minimal: 1000 of 1000 within 1 s (p50 120 ms, max 480 ms)');
  });

  it('fails each goal the figures miss, saying by how much', () => {
    const dropin = contender('dropin', [jsonPoint(1, 2_000, 0.5), jsonCpu(jsonPoint(64, 4_300, 20), 600)], [streamPoint(1, 3.5, 0.4, 30)]);
    const bun = contender('dropin-bun', [jsonPoint(64, 11_000, 5)]);
    const goals = judge([direct, nginx, nodeMinimal, dropin, bun], SAMPLE_HOLDS);
    expect(goals['throughput-c64-vs-node-minimal']).toMatchObject({ status: 'fail', measured: "dropin 4300 req/s = 0.43x node-minimal's 10000" });
    expect(goals['cpu-per-request-c64-vs-node-minimal']).toMatchObject({ status: 'fail', measured: "dropin 600 µs/request = 2.40x node-minimal's 250 µs" });
    expect(goals['dropin-bun-throughput-c64-vs-nginx'].status).toBe('fail');
    expect(goals['rss-per-held-stream-vs-node-minimal']).toMatchObject({ status: 'fail', measured: "dropin 174 KB = 1.70x node-minimal's 102 KB (100 -> 270 MB vs 50 -> 150 MB)" });
    expect(goals['aborts-within-1s']).toMatchObject({ status: 'fail' });
    expect(goals['aborts-within-1s'].measured).toMatch(/^dropin: 67 of 1000 within 1 s \(p50 1600 ms, max 2300 ms, 10 not seen in 3\.0 s\); node-minimal: 1000 of 1000/);
    expect(goals['no-coalescing'].status).toBe('fail');
    expect(goals['added-ttft-c1'].status).toBe('fail');
  });

  it('counts a dropin-bun that cannot serve as a goal not met, with its reason', () => {
    const bun = { ...contender('dropin-bun', []), error: 'fails: the first request got HTTP 502' };
    expect(judge([direct, nginx, bun])['dropin-bun-throughput-c64-vs-nginx']).toMatchObject({ status: 'fail', measured: 'dropin-bun fails: the first request got HTTP 502' });
  });

  it('fails the memory goal when not every stream opened, however little each one holds', () => {
    const goals = judge([direct], [floorHold, { ...dropinHold, opened: 700, rssPerStreamKb: 50 }]);
    expect(goals['rss-per-held-stream-vs-node-minimal'].status).toBe('fail');
    expect(goals['rss-per-held-stream-vs-node-minimal'].measured).toContain('only 700 of 1000 (dropin)');
  });

  it('needs a CPU sample long enough to divide before it judges CPU per request', () => {
    const dropin = contender('dropin', [jsonCpu(jsonPoint(64, 4_300, 20), 100)]);
    // 1000 requests at 100 µs = 0.1 s of CPU: ten ticks of /proc's clock, too coarse
    expect(judge([direct, nodeMinimal, dropin])['cpu-per-request-c64-vs-node-minimal'].status).toBe('missing');
  });

  it('says what is missing instead of guessing', () => {
    const goals = judge([direct]);
    expect(goals['throughput-c64-vs-node-minimal']).toMatchObject({ status: 'missing', measured: 'needs dropin and node-minimal at c=64' });
    expect(goals['dropin-bun-throughput-c64-vs-nginx'].status).toBe('missing');
    expect(goals['rss-per-held-stream-vs-node-minimal'].status).toBe('missing');
    expect(goals['aborts-within-1s'].status).toBe('missing');
  });
});
