import { describe, expect, it } from 'vitest';
import { ratiosToDirect } from './compare.ts';
import { judgeGoals } from './goals.ts';
import type { HoldResult } from './hold-streams.ts';
import { contender, jsonPoint, streamPoint } from './results-kit.ts';
import type { ContenderResult } from './results.ts';

const hold: HoldResult = { streams: 1000, opened: 1000, failed: 0, rssIdleMb: 60, rssPeakMb: 120, cpuPercent: 30, holdS: 5 };

function judge(contenders: ContenderResult[], h: HoldResult | null = hold) {
  return Object.fromEntries(judgeGoals(contenders, ratiosToDirect(contenders), h).map((g) => [g.id, g]));
}

const direct = contender('direct', [jsonPoint(1, 10_000, 0.05), jsonPoint(64, 30_000, 2)], [streamPoint(1, 1, 0.2, 0)]);
const nginx = contender('nginx', [jsonPoint(1, 8_000, 0.1), jsonPoint(64, 20_000, 3)], [streamPoint(1, 1.2, 0.3, 0)]);

describe('judgeGoals', () => {
  it('passes a proxy as fast as the goals ask', () => {
    const dropin = contender('dropin', [jsonPoint(1, 6_000, 0.12), jsonPoint(64, 13_000, 4)], [streamPoint(1, 2.0, 0.35, 2)]);
    const goals = judge([direct, nginx, dropin]);
    expect(Object.values(goals).map((g) => g.status)).toEqual(['pass', 'pass', 'pass', 'pass', 'pass', 'pass']);
    expect(goals['throughput-c64'].measured).toBe("dropin 13000 req/s = 65% of nginx's 20000");
    expect(goals['added-p50-c1'].measured).toBe('dropin adds 70 µs, nginx adds 50 µs');
    expect(goals['no-coalescing'].measured).toBe('dropin vs direct c=1 0.4% vs 0.0%');
  });

  it('fails each goal the figures miss', () => {
    const dropin = contender('dropin', [jsonPoint(1, 2_000, 0.5), jsonPoint(64, 3_000, 20)], [streamPoint(1, 3.5, 0.4, 30)]);
    const goals = judge([direct, nginx, dropin], { ...hold, rssPeakMb: 300 });
    expect(goals['throughput-c64'].status).toBe('fail');
    expect(goals['throughput-c1'].status).toBe('fail');
    expect(goals['added-p50-c1'].status).toBe('fail');
    expect(goals['no-coalescing'].status).toBe('fail');
    expect(goals['added-ttft-c1'].status).toBe('fail');
    expect(goals['rss-1000-streams'].status).toBe('fail');
  });

  it('fails the memory goal when not every stream opened, however low the RSS', () => {
    expect(judge([direct], { ...hold, opened: 700 })['rss-1000-streams'].status).toBe('fail');
  });

  it('says what is missing instead of guessing', () => {
    const goals = judge([direct], null);
    expect(goals['throughput-c64']).toMatchObject({ status: 'missing', measured: 'needs dropin and nginx at c=64' });
    expect(goals['rss-1000-streams'].status).toBe('missing');
  });
});
