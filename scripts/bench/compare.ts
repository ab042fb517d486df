// Every contender's figures next to direct's at the same concurrency.
import type { ContenderResult, JsonPoint, RatioRow, StreamPoint } from './results.ts';
import { ratio } from './stats.ts';

export function ratiosToDirect(contenders: readonly ContenderResult[]): RatioRow[] {
  const direct = contenders.find((c) => c.name === 'direct');
  if (!direct) return [];
  return contenders.flatMap((c) =>
    c.json.map((j): RatioRow => {
      const dj = pointAt(direct.json, j.concurrency);
      const s = pointAt(c.stream, j.concurrency);
      const ds = pointAt(direct.stream, j.concurrency);
      return {
        contender: c.name,
        concurrency: j.concurrency,
        requestsPerSec: ratio(j.requestsPerSec, dj?.requestsPerSec),
        latencyP50: ratio(j.latencyP50Ms, dj?.latencyP50Ms),
        latencyP99: ratio(j.latencyP99Ms, dj?.latencyP99Ms),
        addedLatencyP50Ms: difference(j.latencyP50Ms, dj?.latencyP50Ms),
        addedLatencyP99Ms: difference(j.latencyP99Ms, dj?.latencyP99Ms),
        ttftP50: ratio(s?.ttftP50Ms, ds?.ttftP50Ms),
        addedTtftP50Ms: difference(s?.ttftP50Ms, ds?.ttftP50Ms),
        addedChunkLatencyP50Ms: difference(s?.chunkLatencyP50Ms, ds?.chunkLatencyP50Ms),
        addedChunkLatencyP99Ms: difference(s?.chunkLatencyP99Ms, ds?.chunkLatencyP99Ms),
        totalP50: ratio(s?.totalP50Ms, ds?.totalP50Ms),
      };
    }),
  );
}

export function pointAt<P extends JsonPoint | StreamPoint>(points: readonly P[], concurrency: number): P | undefined {
  return points.find((p) => p.concurrency === concurrency);
}

export function rowFor(results: { ratios: readonly RatioRow[] }, contender: string, concurrency: number): RatioRow | undefined {
  return results.ratios.find((r) => r.contender === contender && r.concurrency === concurrency);
}

function difference(value: number | null | undefined, base: number | null | undefined): number | null {
  if (value == null || base == null) return null;
  return value - base;
}
