// Applies a scenario's checks to its captured exchanges. Protocol checks are decided by the
// first exchange; behaviour checks by every one of the k repeats (pass rate and pass^k).
// judgeExchange is the entrance for traffic dropin did not send: one exchange, judged once.
import type { Check, CheckInput, CheckResult, Exchange, Scenario, Verdict } from '../types.ts';
import { endpointMissingReason, unsupportedReason } from './unsupported.ts';

export interface JudgedExchange {
  id: string;
  exchange: Exchange;
  request: unknown;
  /** the first turn, when the scenario has two (Scenario.nextTurn) */
  previous?: JudgedExchange;
}

export function judgeScenario(
  scenario: Scenario,
  protocolChecks: Check[],
  exchanges: JudgedExchange[],
  model: string,
  declared?: CheckInput['declared'],
): CheckResult[] {
  const ids = exchanges.flatMap(turnIds);
  const harness = exchanges.flatMap(turns).find((e) => e.exchange.status === undefined && e.exchange.transportError);
  if (harness) {
    const message = `no response: ${harness.exchange.transportError!.kind}: ${harness.exchange.transportError!.message}`;
    return allChecks(scenario, protocolChecks).map((c) => result(c, scenario.id, { status: 'error', message }, ids));
  }
  const unsupported = exchanges.map((e) => unsupportedFor(scenario, e)).find(Boolean);
  if (unsupported) {
    return allChecks(scenario, protocolChecks).map((c) => result(c, scenario.id, { status: 'skip', message: unsupported }, ids));
  }
  const inputs = exchanges.map((e): CheckInput => ({
    exchange: e.exchange,
    request: e.request,
    scenario: scenario.id,
    model,
    ...(e.previous ? { previous: { exchange: e.previous.exchange, request: e.previous.request } } : {}),
    ...(declared ? { declared } : {}),
  }));
  const first = inputs[0];
  const out = protocolChecks.map((c) => result(c, scenario.id, runCheck(c, first), turnIds(exchanges[0])));
  for (const c of scenario.behaviourChecks) out.push(repeated(c, scenario, inputs, ids));
  return out;
}

/** A two-turn exchange is judged on its last turn; both turns are evidence. */
function turns(e: JudgedExchange): JudgedExchange[] {
  return e.previous ? [e.previous, e] : [e];
}

function turnIds(e: JudgedExchange): string[] {
  return turns(e).map((t) => t.id);
}

/**
 * A missing endpoint shows on the first turn; a later 404 (e.g. "previous response not found")
 * is the scenario's to judge. A clean rejection of a feature parameter counts on any turn.
 */
function unsupportedFor(scenario: Scenario, e: JudgedExchange): string | undefined {
  const missing = scenario.optionalEndpoint ? endpointMissingReason((e.previous ?? e).exchange) : undefined;
  const reason = missing ?? turns(e).map((t) => unsupportedReason(t.exchange, scenario.featureParams)).find(Boolean);
  return reason && scenario.unsupportedNote ? `${reason}. ${scenario.unsupportedNote}` : reason;
}

/**
 * Judges one recorded exchange once with the checks its request selected; the exchange's id
 * stands in for the scenario (a baseline entry `exchange-id:check-id` names one exchange).
 */
export function judgeExchange(judged: JudgedExchange, checks: Check[], model: string): CheckResult[] {
  const input: CheckInput = { exchange: judged.exchange, request: judged.request, scenario: judged.id, model };
  return checks.map((c) => result(c, judged.id, runCheck(c, input), [judged.id]));
}

/** A scenario that was not sent (a capability the target does not claim, a model it lacks): every check skips with the reason. */
export function skipScenario(scenario: Scenario, protocolChecks: Check[], reason: string): CheckResult[] {
  return allChecks(scenario, protocolChecks).map((c) => result(c, scenario.id, { status: 'skip', message: reason }, []));
}

function allChecks(scenario: Scenario, protocolChecks: Check[]): Check[] {
  return [...protocolChecks, ...scenario.behaviourChecks];
}

export function runCheck(check: Check, input: CheckInput): Verdict {
  try {
    return check.run(input);
  } catch (e) {
    return { status: 'error', message: `check ${check.id} threw: ${(e as Error).message} (a dropin bug; please report it)` };
  }
}

function repeated(check: Check, scenario: Scenario, inputs: CheckInput[], ids: string[]): CheckResult {
  const verdicts = inputs.map((i) => runCheck(check, i));
  const counted = verdicts.filter((v) => v.status !== 'skip');
  const passed = counted.filter((v) => v.status === 'pass' || v.status === 'warn').length;
  const stats = { runs: counted.length, passed, passRate: counted.length ? passed / counted.length : 0, passAll: counted.length > 0 && passed === counted.length };
  if (counted.length === 0) return { ...result(check, scenario.id, verdicts[0], ids), repeat: stats };
  const errored = counted.find((v) => v.status === 'error');
  const firstBad = counted.find((v) => v.status !== 'pass' && v.status !== 'warn');
  const summary = `${passed}/${counted.length} runs passed (pass^${counted.length} ${stats.passAll ? 'true' : 'false'})`;
  const verdict: Verdict = firstBad
    ? { ...firstBad, status: errored ? 'error' : 'fail', message: `${summary}; first failure: ${firstBad.message ?? ''}` }
    : { status: 'pass', message: summary };
  return { ...result(check, scenario.id, verdict, ids), repeat: stats };
}

function result(check: Check, scenario: string, v: Verdict, exchanges: string[]): CheckResult {
  const { run: _run, ...meta } = check;
  return {
    ...meta,
    scenario,
    // a MAY rule is advice: not meeting it is a warning, never a failure
    status: check.level === 'MAY' && v.status === 'fail' ? 'warn' : v.status,
    message: detach(v.message),
    expected: detach(v.expected),
    received: detach(v.received),
    pointer: detach(v.pointer),
    ...(v.details?.length ? { details: v.details.slice(0, DETAILS_LIMIT).map((d) => detach(d)!) } : {}),
    exchanges,
  };
}

const VERDICT_TEXT_LIMIT = 2000;
const DETAILS_LIMIT = 50;

/**
 * A short, independent copy of a verdict's text. Checks quote pieces of bodies, and a V8 string
 * slice keeps its whole parent alive: without the copy a run would retain every body it judged.
 */
function detach(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const cut = text.length > VERDICT_TEXT_LIMIT ? `${text.slice(0, VERDICT_TEXT_LIMIT)}…` : text;
  return Buffer.from(cut).toString();
}
