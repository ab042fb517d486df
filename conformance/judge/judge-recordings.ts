// The judge engine: recorded exchanges in, a RunResult out. Each exchange is routed to the
// selector of its endpoint, read back like a live capture, judged once by the checks its own
// request and answer select, and grouped into one target per server (or host, or file), in
// name order.
import { judgeExchange } from '../run/judge.ts';
import { exitCodeFor, type FailOn } from '../run/summarize.ts';
import { CAPABILITIES, type Capability, type Check, type RecordingsSummary, type RunResult } from '../types.ts';
import { VERSION } from '../version.ts';
import type { CapturedExchange } from './captured-exchange.ts';
import { JudgedTarget } from './judged-target.ts';
import { endpointLabel, routeOf } from './route.ts';
import type { Selector } from './selector.ts';
import { SELECTORS } from './selectors/index.ts';
import { requestJson, toExchange } from './to-exchange.ts';

export interface JudgeOptions {
  /** capabilities whose checks are run (default: all) */
  only?: Capability[];
  failOn?: FailOn;
  selectors?: Selector[];
}

export interface JudgeOutcome {
  run: RunResult;
  notJudged: RecordingsSummary['notJudged'];
}

export function judgeRecordings(captured: CapturedExchange[], opts: JudgeOptions = {}): JudgeOutcome {
  const started = Date.now();
  const only = new Set(opts.only ?? CAPABILITIES);
  const targets = new Map<string, JudgedTarget>();
  const notJudged: JudgeOutcome['notJudged'] = [];
  const seen = new Set<Capability>();
  for (const c of captured) {
    const endpoint = endpointLabel(c.request.method, c.request.url);
    const route = routeOf(c.request.method, c.request.url, opts.selectors ?? SELECTORS);
    if (!route) {
      notJudged.push({ id: c.id, endpoint, reason: `no checks cover ${endpoint} yet` });
      continue;
    }
    if (!c.response) {
      notJudged.push({ id: c.id, endpoint, reason: c.noAnswer ?? 'the recording holds no answer' });
      continue;
    }
    const exchange = toExchange(c);
    const request = requestJson(c);
    const view = { exchange, request, requestKnown: c.requestKnown, stream: exchange.sse !== undefined, status: c.response.status };
    const checks = unique(route.selector.select(view)).filter((k) => only.has(k.capability));
    for (const k of checks) seen.add(k.capability);
    const judged = { id: c.id, exchange, request };
    const model = (request as { model?: unknown } | undefined)?.model;
    const target = targets.get(c.target) ?? new JudgedTarget(c.target);
    targets.set(c.target, target);
    target.add(judged, route.baseUrl, judgeExchange(judged, checks, typeof model === 'string' ? model : ''));
  }
  const failOn = opts.failOn ?? 'must';
  const results = [...targets.values()].map((t) => t.result()).sort((a, b) => a.name.localeCompare(b.name));
  const run: RunResult = {
    formatVersion: 1,
    tool: { name: 'dropin', version: VERSION },
    startedAt: new Date(started).toISOString(),
    durationMs: Date.now() - started,
    // the columns: what was asked for, else what the traffic exercised
    options: { repeat: 1, only: opts.only ?? CAPABILITIES.filter((c) => seen.has(c)), failOn },
    targets: results,
    exitCode: exitCodeFor(results, failOn),
  };
  return { run, notJudged };
}

/** A selector may name a check twice (a shared list plus a feature); it is judged once. */
function unique(checks: Check[]): Check[] {
  const ids = new Set<string>();
  return checks.filter((c) => !ids.has(c.id) && ids.add(c.id));
}
