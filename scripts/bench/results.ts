// The shape of results.json (schemaVersion 1). Field names are a contract for anyone reading it.
import type { ContenderName } from './contenders/contender.ts';
import type { FloorRow } from './floor.ts';
import type { GenericCost } from './generic-cost.ts';
import type { HoldResult } from './hold-streams.ts';
import type { JsonLoad } from './json-load.ts';
import type { ProfileResult } from './profile-run.ts';
import type { ProcUsage } from './proc-sampler.ts';
import type { StreamLoad } from './stream-summary.ts';
import type { ResponsesCpu } from './responses-chunk-cpu.ts';

export interface JsonPoint extends JsonLoad {
  concurrency: number;
  /** the proxy process during the point; null for direct */
  proc: ProcUsage | null;
}

export interface StreamPoint extends StreamLoad {
  concurrency: number;
  proc: ProcUsage | null;
}

export interface StreamProbe {
  status: number;
  events: number;
  done: boolean;
  error?: string;
}

export interface ContenderResult {
  name: ContenderName;
  label: string;
  version: string;
  /** why the contender could not be measured at all */
  error?: string;
  streamProbe: StreamProbe | null;
  /** why the stream points were not run */
  streamsSkipped?: string;
  json: JsonPoint[];
  stream: StreamPoint[];
}

/** One contender at one concurrency compared with direct: ratios are contender / direct, "added" is contender - direct. */
export interface RatioRow {
  contender: ContenderName;
  concurrency: number;
  requestsPerSec: number | null;
  latencyP50: number | null;
  latencyP99: number | null;
  addedLatencyP50Ms: number | null;
  addedLatencyP99Ms: number | null;
  ttftP50: number | null;
  addedTtftP50Ms: number | null;
  addedChunkLatencyP50Ms: number | null;
  addedChunkLatencyP99Ms: number | null;
  totalP50: number | null;
}

export interface Goal {
  id: string;
  title: string;
  status: 'pass' | 'fail' | 'missing';
  /** measured figure in words, e.g. "dropin 9120 req/s = 71% of nginx's 12800" */
  measured: string;
}

export interface BenchResults {
  schemaVersion: 1;
  startedAt: string;
  finishedAt: string;
  /** loadAverage: the 1, 5 and 15 minute load averages before and after the run (the machine may be shared) */
  machine: { cpus: number; cpuModel: string; node: string; kernel: string; loadAverage?: { before: number[]; after: number[] } };
  settings: {
    durationS: number;
    warmupS: number;
    concurrencies: number[];
    streamChunks: number;
    chunkDelayMs: number;
    quick: boolean;
  };
  contenders: ContenderResult[];
  ratios: RatioRow[];
  /** every proxy's throughput, CPU per request and added latency, to set beside node-minimal's and nginx's */
  floor: FloorRow[];
  /** dropin's hold test (kept for readers of earlier results; the same object is in holds) */
  hold: HoldResult | null;
  /** the hold and abort-burst test through each proxy it ran on (dropin and node-minimal), each on a fresh process */
  holds: HoldResult[];
  /** proxy CPU per streamed chunk, raw pass-through vs generic profile (when dropin-generic ran) */
  genericCost?: GenericCost;
  /** in process: what /v1/responses costs per chunk, translated onto chat or passed through and repaired (when dropin ran) */
  responsesCost?: ResponsesCpu;
  /** --cpu-prof: dropin and node-minimal profiled at c=64, where each request's CPU time goes */
  profile?: ProfileResult;
  goals: Goal[];
  findings: string[];
}
