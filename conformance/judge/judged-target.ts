// Collects the judged exchanges of one target (a server, a host or a file) into a TargetResult,
// the same shape a run produces, so every report renders recorded traffic unchanged.
import { record } from '../run/run-target.ts';
import type { JudgedExchange } from '../run/judge.ts';
import { summarizeCapabilities } from '../run/summarize.ts';
import { addUsage, emptyUsage } from '../run/usage.ts';
import type { CheckResult, RecordedExchange, TargetResult } from '../types.ts';

export class JudgedTarget {
  private readonly checks: CheckResult[] = [];
  private readonly exchanges: RecordedExchange[] = [];
  private readonly usage = emptyUsage();
  private readonly models = new Map<string, number>();
  private readonly baseUrls = new Map<string, number>();
  private startedAt = Infinity;
  private durationMs = 0;

  private readonly name: string;

  constructor(name: string) {
    this.name = name;
  }

  add(judged: JudgedExchange, baseUrl: string, checks: CheckResult[]): void {
    this.checks.push(...checks);
    this.exchanges.push(record(judged, judged.id));
    addUsage(this.usage, judged.exchange);
    const model = (judged.request as { model?: unknown } | undefined)?.model;
    if (typeof model === 'string') bump(this.models, model);
    bump(this.baseUrls, baseUrl);
    if (judged.exchange.timing.startedAt > 0) this.startedAt = Math.min(this.startedAt, judged.exchange.timing.startedAt);
    this.durationMs += judged.exchange.timing.totalMs;
  }

  result(): TargetResult {
    return {
      name: this.name,
      baseUrl: mostCommon(this.baseUrls) ?? '',
      model: mostCommon(this.models) ?? 'unknown',
      kind: 'recorded',
      startedAt: new Date(Number.isFinite(this.startedAt) ? this.startedAt : Date.now()).toISOString(),
      durationMs: Math.round(this.durationMs),
      usage: this.usage,
      capabilities: summarizeCapabilities(this.checks),
      checks: this.checks,
      exchanges: this.exchanges,
    };
  }
}

function bump(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

/** The most frequent key; a tie goes to the one seen first. */
function mostCommon(counts: Map<string, number>): string | undefined {
  let best: string | undefined;
  for (const [key, n] of counts) if (best === undefined || n > counts.get(best)!) best = key;
  return best;
}
