// Event-loop lag of the process it runs in, so a reader of the load summary can tell a process that
// was too busy to notice an event on time (measurement noise) from a delay in the proxy itself.
import { type Histogram, monitorEventLoopDelay } from 'node:perf_hooks';

export interface LagStats {
  p50: number;
  p99: number;
  max: number;
}

/** The histogram samples a timer this often; each sample is the interval, so this much is expected. */
const RESOLUTION_MS = 10;

export interface LagMonitor {
  stats(): LagStats;
  stop(): void;
}

export function startLagMonitor(): LagMonitor {
  const histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  histogram.enable();
  return { stats: () => lagStats(histogram), stop: () => histogram.disable() };
}

/** Milliseconds beyond the timer's own interval; zeros before the first sample. */
export function lagStats(histogram: Pick<Histogram, 'count' | 'max' | 'percentile'>): LagStats {
  if (histogram.count === 0) return { p50: 0, p99: 0, max: 0 };
  const lag = (ns: number) => Math.max(0, ns / 1e6 - RESOLUTION_MS);
  return { p50: lag(histogram.percentile(50)), p99: lag(histogram.percentile(99)), max: lag(histogram.max) };
}

export function formatLag(lag: LagStats | undefined): string {
  return lag === undefined ? 'n/a' : `p50 ${lag.p50.toFixed(1)} ms, p99 ${lag.p99.toFixed(1)} ms, max ${lag.max.toFixed(1)} ms`;
}
