// Literal bench results for the tests of the pure renderers and judges.
import type { JsonPoint, ContenderResult, StreamPoint } from './results.ts';
import type { ContenderName } from './contenders/contender.ts';
import { CONTENDER_LABELS } from './contenders/contender.ts';

export function jsonPoint(concurrency: number, requestsPerSec: number, latencyP50Ms: number): JsonPoint {
  return { concurrency, ok: 100, failed: 0, statuses: { '200': 100 }, requestsPerSec, latencyP50Ms, latencyP99Ms: latencyP50Ms * 3, proc: null };
}

export function streamPoint(concurrency: number, ttftP50Ms: number, chunkLatencyP50Ms: number, coalesced = 0): StreamPoint {
  return {
    concurrency,
    streams: 10,
    failed: 0,
    statuses: { '200': 10 },
    ttftP50Ms,
    ttftP99Ms: ttftP50Ms * 2,
    chunkLatencyP50Ms,
    chunkLatencyP99Ms: chunkLatencyP50Ms * 2,
    totalP50Ms: 500,
    totalP99Ms: 510,
    events: 500,
    coalesced,
    proc: null,
  };
}

export function contender(name: ContenderName, json: JsonPoint[], stream: StreamPoint[] = []): ContenderResult {
  return { name, label: CONTENDER_LABELS[name], version: '1', streamProbe: { status: 200, events: 50, done: true }, json, stream };
}
