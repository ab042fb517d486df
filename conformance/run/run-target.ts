// Runs every selected scenario against one target: sends the requests (behaviour scenarios k
// times, independent requests concurrently), captures the exchanges, judges them. A target that
// stops answering is given up on after a few timeouts in a row (give-up.ts).
import pLimit from 'p-limit';
import { protocolChecksFor } from '../scenarios/index.ts';
import { sendExchange } from '../transport/send.ts';
import type { Capability, CheckResult, Exchange, RecordedExchange, Scenario, ScenarioContext, ScenarioRequest, Target, TargetResult, TokenUsage } from '../types.ts';
import { buildRequest } from './build-request.ts';
import { GIVE_UP_AFTER_TIMEOUTS, TimeoutBreaker } from './give-up.ts';
import { probeImageUrl } from './image-asset.ts';
import { judgeScenario, skipScenario, type JudgedExchange } from './judge.ts';
import { planScenario } from './scenario-target.ts';
import { summarizeCapabilities } from './summarize.ts';
import { addUsage, emptyUsage } from './usage.ts';

export interface RunTargetOptions {
  scenarios: Scenario[];
  only: Capability[];
  repeat: number;
  concurrency: number;
  timeoutMs: number;
  /** timeouts in a row after which the target's other requests are not sent (default 3) */
  giveUpAfterTimeouts?: number;
  /** called with every captured exchange, e.g. to record a transcript */
  onExchange?: (target: string, scenario: string, exchange: Exchange) => void;
  /** called after each scenario is judged */
  onScenario?: (event: { target: string; scenario: string; done: number; total: number; checks: CheckResult[] }) => void;
}

export async function runTarget(target: Target, opts: RunTargetOptions): Promise<TargetResult> {
  const started = Date.now();
  const selected = opts.scenarios.filter((s) => opts.only.includes(s.capability));
  const limit = pLimit(Math.max(1, opts.concurrency));
  const usage = emptyUsage();
  const byCapability: Partial<Record<Capability, TokenUsage>> = {};
  const breaker = new TimeoutBreaker(opts.giveUpAfterTimeouts ?? GIVE_UP_AFTER_TIMEOUTS, opts.timeoutMs);
  const recorded: RecordedExchange[] = [];
  let done = 0;
  const declared = target.reasoning === undefined ? undefined : { reasoning: target.reasoning };

  const perScenario = await Promise.all(
    selected.map(async (scenario) => {
      const times = scenario.kind === 'behaviour' ? Math.max(1, opts.repeat) : 1;
      const plan = planScenario(scenario, target);
      if ('skip' in plan) {
        const checks = skipScenario(scenario, protocolChecksFor(scenario, scenario.build({ model: target.model }).body), plan.skip);
        done += 1;
        opts.onScenario?.({ target: target.name, scenario: scenario.id, done, total: selected.length, checks });
        return { recorded: [], checks };
      }
      const ctx: ScenarioContext = { model: plan.model, ...(scenario.fetchesLoopback ? { imageUrl: await probeImageUrl() } : {}) };
      const exchanges = await Promise.all(
        Array.from({ length: times }, (_, i) => limit(() => exchangeFor(target, scenario, ctx, i + 1, opts.timeoutMs, breaker))),
      );
      const spent = (byCapability[scenario.capability] ??= emptyUsage());
      for (const e of exchanges.flatMap((x) => (x.previous ? [x.previous, x] : [x]))) {
        addUsage(usage, e.exchange);
        addUsage(spent, e.exchange);
        opts.onExchange?.(target.name, scenario.id, e.exchange);
      }
      const checks = judgeScenario(scenario, protocolChecksFor(scenario, exchanges[0].request), exchanges, plan.model, declared);
      done += 1;
      opts.onScenario?.({ target: target.name, scenario: scenario.id, done, total: selected.length, checks });
      // keep only the (cut) record: a hostile endpoint's 8 MiB bodies must not pile up in memory
      const all = exchanges.flatMap((e) => (e.previous ? [e.previous, e] : [e]));
      return { recorded: all.map((e) => record(e, scenario.id)), checks };
    }),
  );

  const checks = perScenario.flatMap((s) => s.checks);
  for (const s of perScenario) recorded.push(...s.recorded);
  return {
    name: target.name,
    baseUrl: target.baseUrl,
    model: target.model,
    kind: target.kind,
    startedAt: new Date(started).toISOString(),
    durationMs: Date.now() - started,
    usage,
    capabilities: summarizeCapabilities(checks),
    checks,
    exchanges: recorded,
    usageByCapability: byCapability,
    ...(breaker.reason() ? { error: breaker.reason() } : {}),
  };
}

async function exchangeFor(target: Target, scenario: Scenario, ctx: ScenarioContext, run: number, timeoutMs: number, breaker: TimeoutBreaker): Promise<JudgedExchange> {
  const first = await send(target, scenario.build(ctx), `${scenario.id}#${run}`, timeoutMs, breaker);
  const next = scenario.nextTurn?.({ model: ctx.model, first: first.exchange });
  if (!next) return first;
  const second = await send(target, next, `${scenario.id}#${run}`, timeoutMs, breaker);
  return { ...second, previous: { ...first, id: `${scenario.id}#${run}/turn1` } };
}

async function send(target: Target, req: ScenarioRequest, id: string, timeoutMs: number, breaker: TimeoutBreaker): Promise<JudgedExchange> {
  const request = buildRequest(target, req);
  let exchange: Exchange;
  if (breaker.open) {
    breaker.skip();
    exchange = unsent(request, 'not sent: the endpoint stopped answering (see why the target was given up on)');
  } else {
    try {
      exchange = await sendExchange(request, { stream: req.stream, timeoutMs });
    } catch (e) {
      // the request could not even be built (bad URL or header): the configuration is at fault
      exchange = unsent(request, (e as Error).message);
    }
    breaker.record(exchange);
  }
  return { id, exchange, request: req.rawBody === undefined ? req.body : undefined };
}

function unsent(request: Exchange['request'], message: string): Exchange {
  return {
    request, headers: {}, body: new Uint8Array(), bodyText: '', truncated: false,
    timing: { startedAt: Date.now(), totalMs: 0 },
    transportError: { kind: 'other', message },
  };
}

/** Bodies are kept whole for judging but cut in reports: a hostile 8 MiB body helps no reader. */
export const RECORDED_BODY_LIMIT = 256 * 1024;

function recordedBody(text: string): string {
  if (text.length <= RECORDED_BODY_LIMIT) return text;
  // a copy, not a slice: V8 slices keep the whole parent string alive
  const head = Buffer.from(text.slice(0, RECORDED_BODY_LIMIT)).toString();
  return `${head}\n… [dropin: body cut at ${RECORDED_BODY_LIMIT} of ${text.length} characters]`;
}

/** What a report keeps of a judged exchange: bodies cut, timings rounded. */
export function record(e: JudgedExchange, scenario: string): RecordedExchange {
  const x = e.exchange;
  return {
    id: e.id,
    scenario,
    request: x.request,
    status: x.status,
    headers: x.headers,
    bodyText: x.sse ? '' : recordedBody(x.bodyText),
    invalidUtf8: x.invalidUtf8,
    sse: x.sse && { ...x.sse, events: x.sse.events.map((e) => ({ ...e, at: round(e.at) })), comments: x.sse.comments.map((c) => ({ ...c, at: round(c.at) })) },
    timing: {
      startedAt: x.timing.startedAt,
      headersMs: x.timing.headersMs === undefined ? undefined : round(x.timing.headersMs),
      firstByteMs: x.timing.firstByteMs === undefined ? undefined : round(x.timing.firstByteMs),
      totalMs: round(x.timing.totalMs),
    },
    transportError: x.transportError,
    truncated: x.truncated,
  };
}

/** Timings are measured with performance.now(); a hundredth of a millisecond is all a report needs. */
function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}
