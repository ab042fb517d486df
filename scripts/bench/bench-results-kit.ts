// A whole BenchResults literal for the renderer tests.
import { ratiosToDirect } from './compare.ts';
import { genericCost } from './generic-cost.ts';
import { judgeGoals } from './goals.ts';
import { contender, jsonPoint, streamPoint } from './results-kit.ts';
import type { BenchResults, StreamPoint } from './results.ts';

const withCpu = (p: StreamPoint, cpuSeconds: number): StreamPoint => ({ ...p, proc: { rssPeakMb: 120, rssEndMb: 110, cpuPercent: 60, cpuSeconds } });

export function sampleResults(): BenchResults {
  const contenders = [
    contender('direct', [jsonPoint(1, 10_000, 0.05), jsonPoint(64, 30_000, 2)], [streamPoint(1, 1, 0.2), streamPoint(64, 5, 0.4)]),
    contender('nginx', [jsonPoint(1, 8_000, 0.1), jsonPoint(64, 20_000, 3)], [streamPoint(1, 1.2, 0.3), streamPoint(64, 6, 0.5)]),
    { ...contender('portkey', [jsonPoint(1, 400, 2), jsonPoint(64, 700, 60)]), streamProbe: { status: 500, events: 0, done: false }, streamsSkipped: 'one streaming request got HTTP 500 without a complete stream' },
    contender('dropin', [jsonPoint(1, 2_000, 0.4), jsonPoint(64, 3_000, 20)], [withCpu(streamPoint(1, 2, 0.45), 0.24), withCpu(streamPoint(64, 7, 0.9), 0.5)]),
    contender('dropin-generic', [jsonPoint(1, 1_900, 0.42), jsonPoint(64, 2_800, 21)], [withCpu(streamPoint(1, 2.1, 0.5), 0.3), withCpu(streamPoint(64, 7.5, 1), 0.6)]),
  ];
  const ratios = ratiosToDirect(contenders);
  const hold = { streams: 1000, opened: 1000, failed: 0, rssIdleMb: 150, rssPeakMb: 210, cpuPercent: 40, holdS: 5 };
  return {
    schemaVersion: 1,
    startedAt: '2026-11-26T12:00:00.000Z',
    finishedAt: '2026-11-26T12:05:00.000Z',
    machine: { cpus: 2, cpuModel: 'Test CPU', node: 'v24.0.0', kernel: '6.1' },
    settings: { durationS: 5, warmupS: 1, concurrencies: [1, 64], streamChunks: 50, chunkDelayMs: 10, quick: false },
    contenders,
    ratios,
    hold,
    genericCost: { endToEnd: genericCost(contenders), inProcess: { rawUs: 1.5, genericUs: 4.5, addedUs: 3 } },
    goals: judgeGoals(contenders, ratios, hold),
    findings: ['Portkey <gateway> & co cannot stream'],
  };
}
