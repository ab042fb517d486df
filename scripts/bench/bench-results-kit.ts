// A whole BenchResults literal for the renderer tests.
import { ratiosToDirect } from './compare.ts';
import { floorRows } from './floor.ts';
import { genericCost } from './generic-cost.ts';
import { judgeGoals } from './goals.ts';
import type { HoldResult } from './hold-streams.ts';
import type { ProfiledProxy } from './profile-run.ts';
import { contender, jsonPoint, streamPoint } from './results-kit.ts';
import type { BenchResults, JsonPoint, StreamPoint } from './results.ts';

const withCpu = (p: StreamPoint, cpuSeconds: number): StreamPoint => ({ ...p, proc: { rssPeakMb: 120, rssEndMb: 110, cpuPercent: 60, cpuSeconds } });
/** a point of 1000 answered requests that cost the proxy `usPerRequest` each */
export const jsonCpu = (p: JsonPoint, usPerRequest: number): JsonPoint => ({ ...p, ok: 1000, proc: { rssPeakMb: 80, rssEndMb: 80, cpuPercent: 90, cpuSeconds: usPerRequest / 1000 } });

export const SAMPLE_HOLDS: HoldResult[] = [
  { contender: 'node-minimal', streams: 1000, opened: 1000, failed: 0, rssIdleMb: 50, rssPeakMb: 150, rssPerStreamKb: 102.4, cpuPercent: 20, holdS: 5, aborts: { aborted: 1000, withinLimit: 1000, seen: 1000, finishedFirst: 0, delayP50Ms: 120, delayMaxMs: 480, waitedMs: 500 } },
  { contender: 'dropin', streams: 1000, opened: 1000, failed: 0, rssIdleMb: 100, rssPeakMb: 270, rssPerStreamKb: 174.1, cpuPercent: 40, holdS: 5, aborts: { aborted: 1000, withinLimit: 67, seen: 990, finishedFirst: 0, delayP50Ms: 1600, delayMaxMs: 2300, waitedMs: 3000 } },
];

const profiled = (contender: ProfiledProxy['contender'], scale: number): ProfiledProxy => ({
  contender,
  requestsPerSec: 5_000 / scale,
  cpuUsPerRequest: 200 * scale,
  basis: 'cpu',
  requests: 25_000,
  busyMs: 6_000 * scale,
  busyUsPerRequest: 240 * scale,
  categories: [
    { name: 'native: socket and pipe writes', ms: 2_500, usPerRequest: 100, share: 0.4 },
    { name: 'undici', ms: 1_000 * scale, usPerRequest: 40 * scale, share: 0.15 },
    ...(contender === 'dropin' ? [{ name: 'reference-proxy/server.ts', ms: 500, usPerRequest: 20, share: 0.05 }] : []),
  ],
  candidates: [{ name: 'the log line', ms: contender === 'dropin' ? 500 : 0, usPerRequest: contender === 'dropin' ? 20 : 0, share: 0.05, how: 'everything under observe/' }],
  topFunctions: [],
  file: `/w/${contender}.cpuprofile`,
});

export function sampleResults(): BenchResults {
  const contenders = [
    contender('direct', [jsonPoint(1, 10_000, 0.05), jsonPoint(64, 30_000, 2)], [streamPoint(1, 1, 0.2), streamPoint(64, 5, 0.4)]),
    contender('nginx', [jsonPoint(1, 8_000, 0.1), jsonPoint(64, 20_000, 3)], [streamPoint(1, 1.2, 0.3), streamPoint(64, 6, 0.5)]),
    contender('node-minimal', [jsonCpu(jsonPoint(1, 4_000, 0.2), 300), jsonCpu(jsonPoint(64, 10_000, 6), 250)], [streamPoint(1, 1.5, 0.35), streamPoint(64, 6.5, 0.6)]),
    contender('bun-minimal', [jsonPoint(1, 6_000, 0.15), jsonPoint(64, 16_000, 4)], [streamPoint(1, 1.3, 0.3), streamPoint(64, 6.2, 0.55)]),
    { ...contender('portkey', [jsonPoint(1, 400, 2), jsonPoint(64, 700, 60)]), streamProbe: { status: 500, events: 0, done: false }, streamsSkipped: 'one streaming request got HTTP 500 without a complete stream' },
    contender('dropin', [jsonCpu(jsonPoint(1, 2_000, 0.4), 700), jsonCpu(jsonPoint(64, 3_000, 20), 600)], [withCpu(streamPoint(1, 2, 0.45), 0.24), withCpu(streamPoint(64, 7, 0.9), 0.5)]),
    contender('dropin-generic', [jsonPoint(1, 1_900, 0.42), jsonPoint(64, 2_800, 21)], [withCpu(streamPoint(1, 2.1, 0.5), 0.3), withCpu(streamPoint(64, 7.5, 1), 0.6)]),
    { ...contender('dropin-bun', []), streamProbe: null, error: "fails: the first request got HTTP 502 upstream_unavailable; Bun replaces the bare 'undici' import" },
  ];
  const ratios = ratiosToDirect(contenders);
  const floor = floorRows(contenders, ratios);
  const holds = SAMPLE_HOLDS;
  return {
    schemaVersion: 1,
    startedAt: '2026-11-26T12:00:00.000Z',
    finishedAt: '2026-11-26T12:05:00.000Z',
    machine: { cpus: 2, cpuModel: 'Test CPU', node: 'v24.0.0', kernel: '6.1', loadAverage: { before: [2.5, 3, 3.5], after: [3, 3, 3.4] } },
    settings: { durationS: 5, warmupS: 1, concurrencies: [1, 64], streamChunks: 50, chunkDelayMs: 10, quick: false },
    contenders,
    ratios,
    floor,
    hold: holds[1],
    holds,
    genericCost: { endToEnd: genericCost(contenders), inProcess: { rawUs: 1.5, genericUs: 4.5, addedUs: 3 } },
    responsesCost: { chunks: 51, responsesEvents: 56, chatGenericUsPerChunk: 2.8, translatedUsPerChunk: 4.4, translationAddedUsPerChunk: 1.6, repairConformantUsPerEvent: 2, repairRemappedUsPerEvent: 2.5, repairLlamaCppUsPerEvent: 3.7 },
    profile: { concurrency: 64, durationS: 5, proxies: [profiled('node-minimal', 1), profiled('dropin', 2)] },
    goals: judgeGoals({ contenders, ratios, floor, holds }),
    findings: ['Portkey <gateway> & co cannot stream'],
  };
}
